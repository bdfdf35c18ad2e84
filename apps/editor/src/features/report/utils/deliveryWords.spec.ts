import { DELIVERY_STATUSES } from '@clinicflow/contract';
import { messages } from '../../../test/messages';
import { statusLabel, statusMeaning } from './deliveryWords';

describe(statusLabel.name, () => {
  it.each([
    ['en', 'delivered', 'delivered'],
    ['en', 'read', 'read'],
    ['fr', 'delivered', 'reçu'],
    ['fr', 'read', 'lu'],
  ] as const)('should word the %s status %s as "%s"', (language, status, label) => {
    expect(statusLabel(messages[language], status)).toBe(label);
  });

  it('should word every status in its own words, not by its code', () => {
    // French words differ from every code: a status without a label would show its code
    expect(DELIVERY_STATUSES.filter((status) => statusLabel(messages.fr, status) === status)).toEqual([]);
  });

  it.each(['en', 'fr'] as const)('should explain every status in the %s legend', (language) => {
    expect(DELIVERY_STATUSES.filter((status) => statusMeaning(messages[language], status) === '')).toEqual(
      [],
    );
  });
});
