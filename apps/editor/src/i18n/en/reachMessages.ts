/**
 * The strings of the "Reach the patient" step (a channel ladder, B11): its line on the card, its form and its
 * problems per attempt, in English (the French ones are in ../fr/reachMessages.ts; both have the same keys). Its
 * name, palette hint and exits are with the other steps' in editorMessages; what its runs did, in reasonMessages.
 */
export const reachMessages = {
  summaryReachAttempt: '{channel} ({goal} within {duration})',
  reachIntro:
    'Writes to the patient on one channel after another, until a message is delivered (or read, on WhatsApp) in time. A channel the patient has not agreed to, or has no number or address for, is skipped.',
  reachAttempts: 'Channels, tried in this order',
  reachAttempt: 'Attempt {n}',
  reachChannelTaken: '{channel} (already attempt {n})',
  reachChannelTwice: 'Each channel only once: this one is already another attempt',
  reachGoal: 'Counts as reached when the message is',
  reachReadOnWhatsapp: 'Only WhatsApp tells when a message was read: choose delivered',
  reachWithin: 'Wait up to',
  reachWithinUnit: 'Unit of the wait',
  reachAddAttempt: 'Add a channel',
  reachRemoveAttempt: 'Remove attempt {n}',
  reachMoveUp: 'Move attempt {n} up',
  reachMoveDown: 'Move attempt {n} down',
  reachAttemptOfStep: '{step}, attempt {n}',
};
