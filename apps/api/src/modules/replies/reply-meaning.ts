import { readReply, type Channel, type ReplyKeywords, type ReplyMeaning } from '@clinicflow/rules';

/**
 * The question a reply may answer: whether its step still waits for the answer, the step's words, and the
 * channel it was asked on (a call's answer is the key pressed).
 */
export interface AnsweredQuestion {
  open: boolean;
  keywords?: ReplyKeywords;
  channel?: Channel;
}

/** What a reply says (`read`), and what the engine does with it (`meaning`). */
export interface ReplyReading {
  read: ReplyMeaning;
  meaning: ReplyMeaning;
}

/**
 * How the engine takes a patient's reply (F4, T3): read by the rules library's one reader (as the simulator
 * reads it), with the words of the step that asked; STOP always withdraws consent, a confirm or decline counts
 * only while its question is still open (otherwise, like anything not understood, it waits in the inbox).
 */
export function readPatientReply(text: string, question: AnsweredQuestion | null): ReplyReading {
  const read = readReply(text, question?.keywords, question?.channel);
  return { read, meaning: read === 'stop' || question?.open ? read : 'unknown' };
}
