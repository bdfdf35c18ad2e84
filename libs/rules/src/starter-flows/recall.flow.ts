import type { Flow } from '../flow/flow.schema';
import { link, patientSms, slot } from './starter-flow';

/** F7: a recall 6 months after the visit (or the service's recall interval) unless a new appointment was booked. */
export const recallFlow: Flow = {
  id: 'starter-recall',
  name: 'Recall after 6 months',
  nodes: [
    {
      id: 'attended',
      type: 'trigger',
      position: slot(0),
      data: { label: 'Visit attended', events: ['appointment.attended'] },
    },
    {
      id: 'wait6m',
      type: 'wait',
      position: slot(1),
      data: {
        label: '6 months after the visit',
        relativeTo: 'last-visit',
        direction: 'after',
        amount: 6,
        unit: 'months',
        useServiceRecallInterval: true,
        atLocalTime: '10:00',
      },
    },
    {
      id: 'booked-again',
      type: 'condition',
      position: slot(2),
      data: { label: 'Booked again meanwhile?', check: { kind: 'has-future-appointment' } },
    },
    patientSms({
      id: 'sms-recall',
      position: slot(3, 1),
      label: 'Recall',
      purpose: 'recall',
      expiresAfter: { amount: 7, unit: 'days' },
      fr: '{{patient.firstName}}, il est temps de reprendre RDV chez {{clinic.name}} : {{clinic.phone}}',
      en: '{{patient.firstName}}, it is time to book your next visit at {{clinic.name}}: {{clinic.phone}}',
    }),
    { id: 'end', type: 'end', position: slot(4) },
  ],
  edges: [
    link('attended', 'wait6m'),
    link('wait6m', 'booked-again'),
    link('booked-again', 'end', 'yes'),
    link('booked-again', 'sms-recall', 'no'),
    link('sms-recall', 'end'),
  ],
};
