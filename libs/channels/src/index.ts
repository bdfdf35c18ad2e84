/** Public surface of @clinicflow/channels: message composition, SMS facts, phone numbers and providers. */
export * from './languages/language';
export * from './templates/message-context';
export {
  ownAppointmentDay,
  type PatientDayContext,
  type PatientDayAppointment,
} from './templates/day-list-view';
export * from './templates/variable-catalogue';
export * from './templates/template-problem';
export { inspectTemplate, ALLOWED_HELPERS, type VariableUse } from './templates/check-template';
export * from './templates/template-helpers';
export * from './templates/render-template';
export * from './templates/choose-template-variant';
export * from './email/email-message';
export * from './calendar/appointment-calendar';
export * from './whatsapp/whatsapp-window';
export * from './email/inbound-email';
export * from './voice/voice-script';
export * from './preview/render-preview';
export * from './sms/gsm-alphabet';
export * from './sms/sms-segments';
export * from './sms/gsm-equivalents';
export * from './sms/sender-id';
export * from './replies/reply-routes';
export * from './phone-numbers/phone-number';
export * from './phone-numbers/one-message-per-phone';
export * from './providers/provider';
export * from './providers/clock';
export * from './providers/sandbox/sandbox-provider';
export * from './providers/sandbox/sandbox-signature';
export * from './providers/host-guard/host-guard';
export * from './providers/host-guard/guarded-request';
export * from './providers/host-guard/connection-failure';
export * from './providers/smtp/smtp-provider';
export * from './providers/twilio/twilio-provider';
export * from './providers/twilio/twilio-signature';
export * from './providers/twilio/twilio-errors';
export * from './providers/smpp/smpp-provider';
export * from './providers/smpp/smpp-pdus';
export * from './providers/create-provider';
export * from './messages/compose-message';
