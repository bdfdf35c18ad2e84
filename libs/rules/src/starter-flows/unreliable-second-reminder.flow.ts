import type { Flow } from '../flow/flow.schema';
import { link, slot } from './starter-flow';

/** F5: a second SMS 2 h before, only for unreliable patients (no-show rate at or above the clinic's threshold). */
export const unreliableSecondReminderFlow: Flow = {
  id: 'starter-unreliable-second-reminder',
  name: 'Second reminder for unreliable patients',
  nodes: [
    {
      id: 'booked',
      type: 'trigger',
      position: slot(0),
      data: {
        label: 'Appointment booked or moved',
        events: ['appointment.booked', 'appointment.rescheduled'],
      },
    },
    {
      id: 'unreliable',
      type: 'condition',
      position: slot(1),
      data: { label: 'Patient unreliable?', check: { kind: 'patient-unreliable' } },
    },
    {
      id: 'wait2',
      type: 'wait',
      position: slot(2),
      data: {
        label: '2 h before',
        relativeTo: 'appointment-start',
        direction: 'before',
        amount: 2,
        unit: 'hours',
      },
    },
    {
      id: 'sms2',
      type: 'send',
      position: slot(3),
      data: {
        label: 'Second reminder',
        channel: 'sms',
        recipient: { type: 'patient' },
        purpose: 'reminder',
        template: {
          byLanguage: {
            fr: {
              body: '{{patient.firstName}}, nous vous attendons aujourd’hui à {{time appointment.start}}. {{clinic.name}}',
            },
            en: {
              body: '{{patient.firstName}}, we expect you today at {{time appointment.start}}. {{clinic.name}}',
            },
          },
        },
      },
    },
    { id: 'end', type: 'end', position: slot(4) },
  ],
  edges: [
    link('booked', 'unreliable'),
    link('unreliable', 'wait2', 'yes'),
    link('unreliable', 'end', 'no'),
    link('wait2', 'sms2'),
    link('sms2', 'end'),
  ],
};
