import {
  REPLY_LANGUAGES,
  remindersFlow,
  replyWords,
  simulate,
  type ReplyIntent,
  type ReplyMeaning,
  type TimelineEntry,
} from '@clinicflow/rules';
import { readPatientReply } from './reply-meaning';

const event = { type: 'appointment.booked' as const, at: '2026-05-04T09:00:00+02:00' };
const context = { appointment: { start: '2026-05-08T10:00:00+02:00' } };

/** When the simulated reminders flow sends its question (the SMS asking to reply C or N). */
function questionAt(): string {
  const { timeline } = simulate({ flow: remindersFlow, event, context });
  const question = timeline.find((entry) => entry.nodeId === 'sms24' && entry.kind === 'send');
  if (!question) throw new Error('the reminders flow asked no question');
  return question.at;
}

/** What the simulator made of a reply to that question, in the engine's words. */
function simulatedMeaning(text: string, repliedAt: string): ReplyMeaning {
  const { timeline } = simulate({ flow: remindersFlow, event, context, replies: [{ at: repliedAt, text }] });
  const reply = timeline.find((entry: TimelineEntry) => entry.kind === 'reply');
  if (!reply) throw new Error(`the simulator noted no reply to "${text}"`);
  if (reply.exit === 'confirmed' || reply.exit === 'declined') return reply.exit;
  if (reply.reason?.includes('consent withdrawn')) return 'stop';
  if (reply.reason?.includes('not understood')) return 'unknown';
  throw new Error(`unexpected reply entry: ${JSON.stringify(reply)}`);
}

const INTENT_MEANING: Record<ReplyIntent, ReplyMeaning> = {
  confirm: 'confirmed',
  decline: 'declined',
  stop: 'stop',
};

/** Every reply word of every language a clinic's patients may answer in, as typed and as patients type it. */
const words = REPLY_LANGUAGES.flatMap((language) =>
  (Object.keys(replyWords[language]) as ReplyIntent[]).flatMap((intent) =>
    replyWords[language][intent].flatMap((word) => [
      { language, intent, text: word },
      { language, intent, text: ` ${word.toLowerCase()} !` },
    ]),
  ),
);

describe('a reply read by the engine and by the simulator', () => {
  const repliedAt = new Date(Date.parse(questionAt()) + 60_000).toISOString();

  it.each(words)('should mean the same for $language "$text" ($intent)', ({ intent, text }) => {
    const engine = readPatientReply(text, { open: true }).meaning;
    expect({ engine, simulator: simulatedMeaning(text, repliedAt) }).toEqual({
      engine: INTENT_MEANING[intent],
      simulator: INTENT_MEANING[intent],
    });
  });

  it.each(['Bonjour, je serai en retard', 'peut-être', '👍'])(
    'should leave "%s" not understood in both',
    (text) => {
      expect([readPatientReply(text, { open: true }).meaning, simulatedMeaning(text, repliedAt)]).toEqual([
        'unknown',
        'unknown',
      ]);
    },
  );

  it('should keep a confirmation to a closed question for the inbox, but still honour STOP', () => {
    expect(readPatientReply('C', { open: false })).toEqual({ read: 'confirmed', meaning: 'unknown' });
    expect(readPatientReply('END', null)).toEqual({ read: 'stop', meaning: 'stop' });
  });

  it.each([
    ['1', 'confirmed'],
    ['2', 'declined'],
    ['9', 'unknown'],
  ])('should read the key %s pressed on a call as %s in both', (key, meaning) => {
    const byPhone = {
      ...remindersFlow,
      nodes: remindersFlow.nodes.map((n) =>
        n.type === 'ask' ? { ...n, data: { ...n.data, channel: 'voice' } } : n,
      ),
    } as typeof remindersFlow;
    const { timeline } = simulate({ flow: byPhone, event, context, replies: [{ at: repliedAt, text: key }] });
    const reply = timeline.find((entry: TimelineEntry) => entry.kind === 'reply');
    const simulated = reply?.exit === 'confirmed' || reply?.exit === 'declined' ? reply.exit : 'unknown';
    expect({
      engine: readPatientReply(key, { open: true, channel: 'voice' }).meaning,
      simulator: simulated,
    }).toEqual({ engine: meaning, simulator: meaning });
  });

  it("should read the step's own words, as the evaluator does", () => {
    const keywords = { confirm: ['1'], decline: ['2'] };
    expect(['1', '2', 'C'].map((text) => readPatientReply(text, { open: true, keywords }).meaning)).toEqual([
      'confirmed',
      'declined',
      'unknown',
    ]);
  });
});
