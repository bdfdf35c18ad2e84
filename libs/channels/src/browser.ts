/**
 * The parts of @clinicflow/channels that run in a browser (no Node.js or provider packages): languages, the
 * variable catalogue, the SMS sender rule, the SMS counter and its GSM-7 look-alikes, and the reply routes of
 * questions. The editor imports this entry so its bundle stays small and free of SMTP/SMPP code;
 * `browser.spec.ts` keeps it that way.
 */
export * from './languages/language';
export * from './templates/variable-catalogue';
export * from './sms/sender-id';
export * from './replies/reply-routes';
export * from './sms/sms-segments';
export * from './sms/gsm-equivalents';
