/** Public surface of @clinicflow/channels: message composition, SMS facts, phone numbers and providers. */
export * from './languages/language';
export * from './templates/message-context';
export * from './templates/variable-catalogue';
export * from './templates/template-problem';
export { inspectTemplate, ALLOWED_HELPERS, type VariableUse } from './templates/check-template';
export * from './templates/template-helpers';
export * from './templates/render-template';
export * from './templates/choose-template-variant';
export * from './email/email-message';
export * from './voice/voice-script';
export * from './preview/render-preview';
export * from './sms/gsm-alphabet';
export * from './sms/sms-segments';
export * from './sms/sender-id';
export * from './phone-numbers/phone-number';
export * from './phone-numbers/one-message-per-phone';
