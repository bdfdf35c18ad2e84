import type { liveMessages as english } from '../en/liveMessages';

/**
 * The strings of the flow editor's live overlay, in French (the English ones are in ../en/liveMessages.ts; both
 * have the same keys). Read them through useMessages().
 */
export const liveMessages = {
  flowLiveEntered: 'entrés',
  flowLiveWaiting: 'en attente',
  flowLiveSent: 'envoyés',
  flowLiveSkipped: 'ignorés',
  flowLiveFailed: 'en échec',
  flowLiveCount: '{count} {what} aujourd’hui',
  flowLiveOpenFailed: 'Voir les {count} messages en échec de cette étape aujourd’hui',
  flowLiveFeedTitle: 'Derniers résultats du jour',
  flowLiveFeedEmpty: 'Rien encore aujourd’hui. Les compteurs des étapes se mettent à jour tout seuls.',
  flowLiveShowFeed: 'Afficher les derniers résultats',
  flowLiveHideFeed: 'Masquer les derniers résultats',
  flowLiveFailedTitle: 'Messages en échec aujourd’hui : {step}',
  flowLiveFailedNone: 'Aucun message en échec sur cette étape aujourd’hui.',
  flowLiveNoReason: 'aucune raison donnée',
  flowLiveAnnouncement: '{step} : {status}{recipient}',
  flowLiveOn: 'Activé',
  flowLiveOnLabel: 'Scénario activé : il s’exécute pour les nouveaux rendez-vous',
  flowLiveOffHint: 'Activez le scénario pour suivre les compteurs du jour sur chaque étape.',
  flowLiveLoadFailed: 'Impossible de charger les compteurs du jour : {reason}',
  flowLiveStatusScheduled: 'planifié',
  flowLiveStatusSending: 'en cours d’envoi',
  flowLiveStatusSent: 'envoyé',
  flowLiveStatusDelivered: 'remis',
  flowLiveStatusRead: 'lu',
  flowLiveStatusAnswered: 'répondu',
  flowLiveStatusFailed: 'en échec',
  flowLiveStatusRetrying: 'en échec, nouvel essai',
  flowLiveStatusCancelled: 'annulé',
  flowLiveStatusExpired: 'expiré',
  flowLiveStatusSkipped: 'ignoré',
  flowLiveStatusStarting: 'démarrage',
  flowLiveStatusWaiting: 'en attente',
  flowLiveStatusAwaitingReply: 'attend une réponse',
  flowLiveStatusEnded: 'terminé',
} satisfies Record<keyof typeof english, string>;
