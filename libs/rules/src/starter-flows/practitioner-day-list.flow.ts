import type { Flow } from '../flow/flow.schema';
import { link, slot } from './starter-flow';

/** F10: every evening at 18:00, an e-mail to each practitioner listing their appointments of the next day. */
export const practitionerDayListFlow: Flow = {
  id: 'starter-practitioner-day-list',
  name: 'Tomorrow’s list to each practitioner',
  settings: { quietHours: 'ignore' },
  nodes: [
    {
      id: 'every-evening',
      type: 'trigger',
      position: slot(0),
      data: { label: 'Every day at 18:00', events: ['schedule.daily'], dailyAt: '18:00' },
    },
    {
      id: 'email-day-list',
      type: 'send',
      position: slot(1),
      data: {
        label: 'Tomorrow’s appointments',
        channel: 'email',
        recipient: { type: 'resource' },
        purpose: 'staff',
        template: {
          byLanguage: {
            fr: {
              subject: 'Vos {{dayList.count}} rendez-vous du {{dayList.longDate}}',
              body: 'Bonjour {{resource.name}},\n\nVos rendez-vous du {{dayList.longDate}} :\n{{dayList.text}}',
            },
            en: {
              subject: 'Your {{dayList.count}} appointments on {{dayList.longDate}}',
              body: 'Hello {{resource.name}},\n\nYour appointments on {{dayList.longDate}}:\n{{dayList.text}}',
            },
          },
        },
      },
    },
    { id: 'end', type: 'end', position: slot(2) },
  ],
  edges: [link('every-evening', 'email-day-list'), link('email-day-list', 'end')],
};
