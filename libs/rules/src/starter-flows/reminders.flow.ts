import type { Flow } from '../flow/flow.schema';
import { bookedOrMovedTrigger, hoursBeforeAppointment, link, slot } from './starter-flow';

/** F3 + F4: e-mail 48 h before, SMS 24 h before asking to reply C to confirm; the reply updates the appointment. */
export const remindersFlow: Flow = {
  id: 'starter-reminders',
  name: 'Reminders with confirmation request',
  description: 'E-mail 48 h before, SMS 24 h before asking the patient to confirm.',
  nodes: [
    bookedOrMovedTrigger(),
    hoursBeforeAppointment(48, 1),
    {
      id: 'email48',
      type: 'send',
      position: slot(2),
      data: {
        label: 'Reminder e-mail',
        channel: 'email',
        recipient: { type: 'patient' },
        purpose: 'reminder',
        template: {
          byLanguage: {
            fr: {
              subject: 'Rappel de votre RDV',
              body: 'Bonjour {{patient.firstName}}, rappel : {{service.name}} le {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}}, {{location.name}}.',
            },
            en: {
              subject: 'Your appointment',
              body: 'Hello {{patient.firstName}}, reminder: {{service.name}} on {{date appointment.start "EEEE d MMMM"}} at {{time appointment.start}}, {{location.name}}.',
            },
          },
        },
      },
    },
    hoursBeforeAppointment(24, 3),
    {
      id: 'sms24',
      type: 'ask',
      position: slot(4),
      data: {
        label: 'Please confirm',
        channel: 'sms',
        recipient: { type: 'patient' },
        purpose: 'reminder',
        timeout: { amount: 20, unit: 'hours' },
        template: {
          byLanguage: {
            fr: {
              body: 'RDV demain à {{time appointment.start}} avec {{resource.name}}. Répondez C pour confirmer, N pour annuler.',
            },
            en: {
              body: 'Appointment tomorrow at {{time appointment.start}} with {{resource.name}}. Reply C to confirm, N to cancel.',
            },
          },
        },
      },
    },
    {
      id: 'mark-confirmed',
      type: 'update',
      position: slot(5, 0),
      data: { label: 'Mark confirmed', confirmation: 'confirmed' },
    },
    {
      id: 'mark-declined',
      type: 'update',
      position: slot(5, 1),
      data: { label: 'Mark declined', confirmation: 'declined' },
    },
    { id: 'end', type: 'end', position: slot(6) },
  ],
  edges: [
    link('booked', 'wait48'),
    link('wait48', 'email48'),
    link('email48', 'wait24'),
    link('wait24', 'sms24'),
    link('sms24', 'mark-confirmed', 'confirmed'),
    link('sms24', 'mark-declined', 'declined'),
    link('sms24', 'end', 'no-reply'),
    link('sms24', 'end', 'failed'),
    link('mark-confirmed', 'end'),
    link('mark-declined', 'end'),
  ],
};
