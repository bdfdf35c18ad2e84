import type { replyMessages as english } from '../en/replyMessages';

/** The strings of questions whose answers must come back (F4) in French: the same keys as ../en/replyMessages.ts. */
export const replyMessages = {
  settingsSmsReplyNumber: 'Numéro pour les réponses',
  settingsSmsReplyNumberHint:
    'Un patient ne peut pas répondre à un nom d’expéditeur comme « CabLilas » : les messages qui demandent une réponse (« répondez C pour confirmer ») partent de ce numéro. Format international, par exemple +33757000000.',
  providerReplyTo: 'Réponses à (Reply-To)',
  providerInboundSecret: 'Secret des e-mails entrants',
  providerInboundSecretHint:
    'Votre fournisseur de messagerie transmet les réponses des patients à /api/providers/{clinicId}/smtp/inbound, signées avec ce secret : sans lui, aucune question ne peut être posée par e-mail.',
  problemReplySmsSenderName:
    '{step} demande une réponse par SMS, mais l’établissement envoie ses SMS sous le nom « {sender} », auquel un patient ne peut pas répondre : indiquez un numéro pour les réponses (Réglages › Expéditeurs)',
  problemReplyStepSenderName:
    '{step} demande une réponse par SMS, mais son expéditeur « {sender} » est un nom auquel un patient ne peut pas répondre : donnez à l’étape un numéro comme expéditeur, ou retirez son expéditeur',
  problemReplyVoiceKeypress:
    '{step} demande une réponse par appel vocal, mais les appels de l’établissement ne savent pas recevoir une touche : utilisez un fournisseur vocal de type Twilio (Réglages › Fournisseurs), le patient tape alors 1 pour confirmer ou 2 pour annuler',
  problemReplyEmailInbound:
    '{step} demande une réponse par e-mail, mais les réponses par e-mail ne peuvent pas arriver : configurez la réception des e-mails (un fournisseur SMTP avec son secret des e-mails entrants, Réglages › Fournisseurs)',
} satisfies Record<keyof typeof english, string>;
