import { DELIVERY_STATUSES } from '@clinicflow/contract';
import { messages } from '../../../test/messages';
import { outcomeColor, outcomeWords } from './outcomeWords';

describe(outcomeWords.name, () => {
  it.each([
    ['en', 'read', 'read'],
    ['fr', 'read', 'lu'],
    ['fr', 'delivered', 'remis'],
  ] as const)('should word the %s status %s as "%s"', (language, status, words) => {
    expect(outcomeWords(messages[language], status)).toBe(words);
  });

  it('should word every delivery status, not show its code', () => {
    // French words differ from every code: a status without words would show its code
    expect(DELIVERY_STATUSES.filter((status) => outcomeWords(messages.fr, status) === status)).toEqual([]);
  });

  it('should colour a message read as one that went out', () => {
    expect(outcomeColor('read')).toBe(outcomeColor('delivered'));
    expect(outcomeColor('read')).toBe('green');
  });
});
