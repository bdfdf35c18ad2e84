import { checkSenderId, senderCanReceiveReplies } from './sender-id';

describe('checkSenderId', () => {
  it.each([
    { senderId: 'CabinetLea', kind: 'alphanumeric', replies: false },
    { senderId: 'Dr Martin', kind: 'alphanumeric', replies: false },
    { senderId: 'A', kind: 'alphanumeric', replies: false },
    { senderId: 'Clinic 2024', kind: 'alphanumeric', replies: false },
    { senderId: '+33612345678', kind: 'phone-number', replies: true },
    { senderId: '36111', kind: 'phone-number', replies: true },
    { senderId: '06 12 34 56 78', kind: 'phone-number', replies: true },
  ])('accepts $senderId as $kind', ({ senderId, kind, replies }) => {
    expect(checkSenderId(senderId)).toMatchObject({ valid: true, kind, canReceiveReplies: replies });
    expect(senderCanReceiveReplies(senderId)).toBe(replies);
  });

  it.each([
    { senderId: '', reason: /empty/ },
    { senderId: 'CabinetDentaire', reason: /at most 11/ },
    { senderId: 'Cabinet-Léa', reason: /only use/ },
    { senderId: 'Dr.Martin', reason: /only use/ },
    { senderId: '12', reason: /at least one letter/ },
    { senderId: '+12', reason: /at least one letter/ },
  ])('refuses "$senderId"', ({ senderId, reason }) => {
    const check = checkSenderId(senderId);
    expect(check.valid).toBe(false);
    expect(check.valid === false && check.reason).toMatch(reason);
    expect(senderCanReceiveReplies(senderId)).toBe(false);
  });
});
