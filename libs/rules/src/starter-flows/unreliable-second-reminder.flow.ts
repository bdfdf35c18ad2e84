import type { Flow } from '../flow/flow.schema';
import { bookedOrMovedTrigger, hoursBeforeAppointment, link, patientSms, slot } from './starter-flow';

/** F5: a second SMS 2 h before, only for unreliable patients (no-show rate at or above the clinic's threshold). */
export const unreliableSecondReminderFlow: Flow = {
  id: 'starter-unreliable-second-reminder',
  name: 'Second reminder for unreliable patients',
  nodes: [
    bookedOrMovedTrigger(),
    {
      id: 'unreliable',
      type: 'condition',
      position: slot(1),
      data: { label: 'Patient unreliable?', check: { kind: 'patient-unreliable' } },
    },
    hoursBeforeAppointment(2, 2),
    patientSms({
      id: 'sms2',
      position: slot(3),
      label: 'Second reminder',
      purpose: 'reminder',
      fr: '{{patient.firstName}}, nous vous attendons aujourd’hui à {{time appointment.start}}. {{clinic.name}}',
      en: '{{patient.firstName}}, we expect you today at {{time appointment.start}}. {{clinic.name}}',
    }),
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
