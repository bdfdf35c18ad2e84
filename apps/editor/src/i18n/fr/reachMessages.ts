import type { reachMessages as english } from '../en/reachMessages';

/**
 * The strings of the "Reach the patient" step, in French (the English ones are in ../en/reachMessages.ts; both have
 * the same keys). Read them through useMessages().
 */
export const reachMessages = {
  summaryReachAttempt: '{channel} ({goal} sous {duration})',
  reachIntro:
    'Écrit au patient sur un canal après l’autre, jusqu’à ce qu’un message soit remis (ou lu, sur WhatsApp) à temps. Un canal que le patient n’a pas accepté, ou pour lequel il n’a ni numéro ni adresse, est sauté.',
  reachAttempts: 'Canaux, essayés dans cet ordre',
  reachAttempt: 'Tentative {n}',
  reachChannelTaken: '{channel} (déjà tentative {n})',
  reachChannelTwice: 'Chaque canal une seule fois : celui-ci est déjà une autre tentative',
  reachGoal: 'Compte comme joint quand le message est',
  reachReadOnWhatsapp: 'Seul WhatsApp indique qu’un message a été lu : choisissez remis',
  reachWithin: 'Attendre jusqu’à',
  reachWithinUnit: 'Unité de l’attente',
  reachAddAttempt: 'Ajouter un canal',
  reachRemoveAttempt: 'Retirer la tentative {n}',
  reachMoveUp: 'Monter la tentative {n}',
  reachMoveDown: 'Descendre la tentative {n}',
  reachAttemptOfStep: '{step}, tentative {n}',
} satisfies Record<keyof typeof english, string>;
