/**
 * The strings of questions whose answers must come back (F4) in English: the number for replies, the inbound
 * e-mail route and the validator's problems about them (the French ones are in ../fr/replyMessages.ts; both
 * have the same keys). Read them through useMessages().
 */
export const replyMessages = {
  settingsSmsReplyNumber: 'Number for replies',
  settingsSmsReplyNumberHint:
    'Patients cannot reply to a sender name such as “CabLilas”: messages that ask them to reply (“reply C to confirm”) go out from this number instead. International form, such as +33757000000.',
  providerReplyTo: 'Replies go to (Reply-To)',
  providerInboundSecret: 'Inbound e-mail secret',
  providerInboundSecretHint:
    'Your mail provider posts patients’ replies to /api/providers/{clinicId}/smtp/inbound, signed with this secret: without it, questions cannot be asked by e-mail.',
  problemReplySmsSenderName:
    '{step} asks for a reply by SMS, but the clinic sends SMS as “{sender}”, a name patients cannot reply to: give the clinic a number for replies (Settings › Senders)',
  problemReplyStepSenderName:
    '{step} asks for a reply by SMS, but its sender “{sender}” is a name patients cannot reply to: give the step a phone number as sender, or remove its sender',
  problemReplyVoiceKeypress:
    '{step} asks for a reply by voice, but the clinic’s calls cannot take a key pressed: use a Twilio-style voice provider (Settings › Providers), so patients press 1 to confirm or 2 to decline',
  problemReplyEmailInbound:
    '{step} asks for a reply by e-mail, but e-mail replies have no way in: set up the inbound e-mail route (an SMTP provider with its inbound secret, Settings › Providers)',
};
