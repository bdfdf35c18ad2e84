import type { Flow } from '../flow/flow.schema';
import { link, patientSms, slot } from './starter-flow';

/** F2: tells the patient their appointment moved (the engine cancels and re-plans the pending reminders). */
export const rescheduleNoticeFlow: Flow = {
  id: 'starter-reschedule-notice',
  name: 'Appointment moved notice',
  nodes: [
    {
      id: 'rescheduled',
      type: 'trigger',
      position: slot(0),
      data: { label: 'Appointment rescheduled', events: ['appointment.rescheduled'] },
    },
    patientSms({
      id: 'sms-moved',
      position: slot(1),
      label: 'Moved notice',
      purpose: 'notice',
      fr: '{{patient.firstName}}, votre RDV est déplacé au {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}}. {{clinic.name}}',
      en: '{{patient.firstName}}, your appointment has moved to {{date appointment.start "EEEE d MMMM"}} at {{time appointment.start}}. {{clinic.name}}',
    }),
    { id: 'end', type: 'end', position: slot(2) },
  ],
  edges: [link('rescheduled', 'sms-moved'), link('sms-moved', 'end')],
};

/** F2: tells the patient their appointment was cancelled. */
export const cancellationNoticeFlow: Flow = {
  id: 'starter-cancellation-notice',
  name: 'Appointment cancelled notice',
  nodes: [
    {
      id: 'cancelled',
      type: 'trigger',
      position: slot(0),
      data: { label: 'Appointment cancelled', events: ['appointment.cancelled'] },
    },
    patientSms({
      id: 'sms-cancelled',
      position: slot(1),
      label: 'Cancellation notice',
      purpose: 'notice',
      fr: '{{patient.firstName}}, votre RDV du {{date appointment.start "EEEE d MMMM"}} est annulé. Pour reprendre RDV : {{clinic.phone}}',
      en: '{{patient.firstName}}, your appointment on {{date appointment.start "EEEE d MMMM"}} is cancelled. To book again: {{clinic.phone}}',
    }),
    { id: 'end', type: 'end', position: slot(2) },
  ],
  edges: [link('cancelled', 'sms-cancelled'), link('sms-cancelled', 'end')],
};
