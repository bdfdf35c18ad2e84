import type { Flow } from '../flow/flow.schema';
import type { Channel, Sender } from '../flow/flow-parts.schema';
import { remindersFlow } from '../starter-flows/reminders.flow';
import type { ReplyRouteCheck, ReplyRouteProblem } from './reply-route';
import { validateFlow } from './validate-flow';

/** The reminders starter with its question on another channel, and maybe a sender of its own. */
function questionOn(channel: Channel, sender?: Sender): Flow {
  return {
    ...remindersFlow,
    nodes: remindersFlow.nodes.map((node) =>
      node.type === 'ask'
        ? {
            ...node,
            data: {
              ...node.data,
              channel,
              ...(sender ? { sender } : {}),
              template: {
                byLanguage: {
                  fr: { subject: 'Votre RDV', body: 'Répondez C pour confirmer.' },
                  en: { subject: 'Your appointment', body: 'Reply C to confirm.' },
                },
              },
            },
          }
        : node,
    ),
  };
}

/** A clinic whose SMS go out as "CabLilas" unless a step says otherwise, with no inbound e-mail and no keypad. */
const nothingComesBack: ReplyRouteCheck = (channel, sender) => {
  if (channel === 'email') return { gap: 'email-inbound' };
  if (channel === 'voice') return { gap: 'voice-keypress' };
  if (sender?.smsName)
    return /[a-z]/i.test(sender.smsName)
      ? { gap: 'sms-sender-name', sender: sender.smsName, stepSender: true }
      : null;
  return { gap: 'sms-sender-name', sender: 'CabLilas' };
};
const everythingComesBack: ReplyRouteCheck = () => null;

describe('a question whose answer cannot come back', () => {
  it.each<[string, Flow, ReplyRouteProblem & { path: string; message: RegExp }]>([
    [
      'an SMS from the clinic’s sender name',
      questionOn('sms'),
      {
        gap: 'sms-sender-name',
        sender: 'CabLilas',
        path: 'nodes.4.data.channel',
        message:
          /sends SMS as "CabLilas", a name patients cannot reply to: give the clinic a number for replies/,
      },
    ],
    [
      'an SMS from the step’s own sender name',
      questionOn('sms', { smsName: 'Rappel' }),
      {
        gap: 'sms-sender-name',
        sender: 'Rappel',
        path: 'nodes.4.data.sender.smsName',
        message: /its sender "Rappel" is a name .*: give the step a phone number as sender/,
      },
    ],
    [
      'a call that cannot take a key',
      questionOn('voice'),
      { gap: 'voice-keypress', path: 'nodes.4.data.channel', message: /press 1 to confirm or 2 to decline/ },
    ],
    [
      'an e-mail without an inbound route',
      questionOn('email'),
      { gap: 'email-inbound', path: 'nodes.4.data.channel', message: /set up the inbound e-mail route/ },
    ],
  ])('should refuse %s, with the fix', (_title, flow, expected) => {
    const result = validateFlow(flow, { replyRoute: nothingComesBack });
    expect(result.valid).toBe(false);
    const problem = result.problems.find((p) => p.code === 'question-cannot-be-answered');
    expect(problem).toMatchObject({
      nodeId: 'sms24',
      path: expected.path,
      params: { step: 'sms24', gap: expected.gap, ...(expected.sender ? { sender: expected.sender } : {}) },
    });
    expect(problem?.message).toMatch(expected.message);
  });

  it('should accept a step whose own sender is a number, though the clinic sends as a name', () => {
    const result = validateFlow(questionOn('sms', { smsName: '33612345678' }), {
      replyRoute: nothingComesBack,
    });
    expect(result.problems.filter((p) => p.code === 'question-cannot-be-answered')).toEqual([]);
  });

  it.each<Channel>(['sms', 'email', 'voice'])(
    'should accept a %s question where replies come back',
    (channel) => {
      expect(validateFlow(questionOn(channel), { replyRoute: everythingComesBack }).valid).toBe(true);
    },
  );

  it('should not ask about plain messages, nor check anything when told nothing of the clinic', () => {
    const asked: Channel[] = [];
    validateFlow(remindersFlow, { replyRoute: (channel) => (asked.push(channel), null) });
    expect(asked).toEqual(['sms']);
    expect(validateFlow(questionOn('email')).valid).toBe(true);
  });
});
