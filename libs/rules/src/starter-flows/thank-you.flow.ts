import type { Flow } from '../flow/flow.schema';
import { link, patientSms, slot } from './starter-flow';

/** F8: a thank-you (or satisfaction survey) SMS 3 h after the visit. */
export const thankYouFlow: Flow = {
  id: 'starter-thank-you',
  name: 'Thank-you after the visit',
  nodes: [
    {
      id: 'attended',
      type: 'trigger',
      position: slot(0),
      data: { label: 'Visit attended', events: ['appointment.attended'] },
    },
    {
      id: 'wait3',
      type: 'wait',
      position: slot(1),
      data: {
        label: '3 h after',
        relativeTo: 'appointment-end',
        direction: 'after',
        amount: 3,
        unit: 'hours',
        ifPassed: 'continue',
      },
    },
    patientSms({
      id: 'sms-thanks',
      position: slot(2),
      label: 'Thank-you',
      purpose: 'thank-you',
      expiresAfter: { amount: 2, unit: 'days' },
      fr: 'Merci de votre visite, {{patient.firstName}}. Votre avis compte : répondez de 1 à 5. {{clinic.name}}',
      en: 'Thank you for your visit, {{patient.firstName}}. How did we do? Reply 1 to 5. {{clinic.name}}',
    }),
    { id: 'end', type: 'end', position: slot(3) },
  ],
  edges: [link('attended', 'wait3'), link('wait3', 'sms-thanks'), link('sms-thanks', 'end')],
};
