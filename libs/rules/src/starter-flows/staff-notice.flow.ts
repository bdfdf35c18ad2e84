import type { Flow } from '../flow/flow.schema';
import { link, slot } from './starter-flow';

/** F10: an e-mail to the practitioner for every new booking. */
export const staffNoticeFlow: Flow = {
  id: 'starter-staff-notice',
  name: 'New booking notice to the practitioner',
  settings: { quietHours: 'ignore' },
  nodes: [
    {
      id: 'booked',
      type: 'trigger',
      position: slot(0),
      data: { label: 'Appointment booked', events: ['appointment.booked'] },
    },
    {
      id: 'email-staff',
      type: 'send',
      position: slot(1),
      data: {
        label: 'New booking',
        channel: 'email',
        recipient: { type: 'resource' },
        purpose: 'staff',
        template: {
          byLanguage: {
            fr: {
              subject: 'Nouveau RDV : {{patient.firstName}} {{patient.lastName}}',
              body: '{{service.name}} le {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}} ({{appointment.source}}).',
            },
            en: {
              subject: 'New booking: {{patient.firstName}} {{patient.lastName}}',
              body: '{{service.name}} on {{date appointment.start "EEEE d MMMM"}} at {{time appointment.start}} ({{appointment.source}}).',
            },
          },
        },
      },
    },
    { id: 'end', type: 'end', position: slot(2) },
  ],
  edges: [link('booked', 'email-staff'), link('email-staff', 'end')],
};
