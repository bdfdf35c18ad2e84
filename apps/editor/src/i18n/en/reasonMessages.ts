import { reasonMessagesEn } from '@clinicflow/contract';

/** The engine's reasons in words: one catalogue with the exports' (libs/contract reasons/words). */
export const reasonMessages = reasonMessagesEn;
