import type { Flow } from '../flow/flow.schema';
import { link, patientSms, slot } from './starter-flow';

/** F1: an SMS as soon as an appointment is booked online (the trigger's source filter is the "online only" option). */
export const bookingConfirmationFlow: Flow = {
  id: 'starter-booking-confirmation',
  name: 'Booking confirmation',
  description: 'SMS to the patient right after an online booking.',
  nodes: [
    {
      id: 'booked',
      type: 'trigger',
      position: slot(0),
      data: {
        label: 'Appointment booked online',
        events: ['appointment.booked'],
        filters: { sources: ['online'] },
      },
    },
    patientSms({
      id: 'sms-booked',
      position: slot(1),
      label: 'Booking confirmation',
      purpose: 'confirmation',
      fr: 'Bonjour {{patient.firstName}}, votre RDV {{service.name}} est réservé le {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}}. {{clinic.name}}',
      en: 'Hello {{patient.firstName}}, your {{service.name}} appointment is booked for {{date appointment.start "EEEE d MMMM"}} at {{time appointment.start}}. {{clinic.name}}',
    }),
    { id: 'end', type: 'end', position: slot(2) },
  ],
  edges: [link('booked', 'sms-booked'), link('sms-booked', 'end')],
};
