import { remindersFlow, starterFlows, validateFlow } from '@clinicflow/rules';
import { questionSmsSender, replyRouteCheck, type ReplyRoutes } from './reply-routes';

describe(questionSmsSender.name, () => {
  it.each([
    [{ smsSenderName: 'CabLilas', smsReplyNumber: '+33757000001' }, '+33757000001'],
    [{ smsSenderName: 'CabLilas', smsReplyNumber: null }, 'CabLilas'],
    [{ smsSenderName: 'CabLilas' }, 'CabLilas'],
    [{ smsSenderName: '+33612345678', smsReplyNumber: '+33757000001' }, '+33612345678'],
    [{ smsSenderName: null, smsReplyNumber: '+33757000001' }, '+33757000001'],
    [{ smsSenderName: null, smsReplyNumber: null }, null],
  ])('should send the questions of %j from %p', (senders, expected) => {
    expect(questionSmsSender(senders)).toBe(expected);
  });
});

describe(replyRouteCheck.name, () => {
  const routes = (overrides: Partial<ReplyRoutes> = {}): ReplyRoutes => ({
    smsSender: '+33757000001',
    voiceKeypress: true,
    emailInbound: true,
    ...overrides,
  });

  it.each([
    ['a number', routes(), undefined, null],
    ['the provider’s own number', routes({ smsSender: null }), undefined, null],
    ['a name', routes({ smsSender: 'CabLilas' }), undefined, { gap: 'sms-sender-name', sender: 'CabLilas' }],
    [
      'the step’s name',
      routes(),
      { smsName: 'Rappel' },
      { gap: 'sms-sender-name', sender: 'Rappel', stepSender: true },
    ],
    ['the step’s number', routes({ smsSender: 'CabLilas' }), { smsName: '33612345678' }, null],
  ])('should judge an SMS question sent from %s', (_title, setup, sender, expected) => {
    expect(replyRouteCheck(setup)('sms', sender)).toEqual(expected);
  });

  it('should ask calls for a keypad and e-mail for an inbound route', () => {
    const none = replyRouteCheck(routes({ voiceKeypress: false, emailInbound: false }));
    expect([none('voice', undefined), none('email', undefined)]).toEqual([
      { gap: 'voice-keypress' },
      { gap: 'email-inbound' },
    ]);
    const all = replyRouteCheck(routes());
    expect([all('voice', undefined), all('email', undefined)]).toEqual([null, null]);
  });
});

describe('the starter flows and a clinic that sends as a name', () => {
  const clinic = (smsReplyNumber: string | null) =>
    replyRouteCheck({
      smsSender: questionSmsSender({ smsSenderName: 'CabLilas', smsReplyNumber }),
      voiceKeypress: false,
      emailInbound: false,
    });

  it('should refuse the reminders’ question without a number for replies', () => {
    const result = validateFlow(remindersFlow, { replyRoute: clinic(null) });
    expect(result.problems.map((p) => [p.nodeId, p.code])).toEqual([
      ['sms24', 'question-cannot-be-answered'],
    ]);
  });

  it.each(starterFlows.map((starter) => [starter.key, starter.flow] as const))(
    'should accept the %s starter once the clinic has one',
    (_key, flow) => {
      expect(
        validateFlow(flow, { replyRoute: clinic('+33757000000') }).problems.filter(
          (p) => p.code === 'question-cannot-be-answered',
        ),
      ).toEqual([]);
    },
  );
});
