import { compactData } from './compactData';

describe(compactData.name, () => {
  it.each([
    [{ label: undefined, events: ['a'] }, { events: ['a'] }],
    [{ label: '', amount: 0 }, { amount: 0 }],
    [{ filters: { sources: undefined } }, {}],
    [
      { template: { byLanguage: { fr: { subject: '', body: 'x' } } } },
      { template: { byLanguage: { fr: { body: 'x' } } } },
    ],
    [
      { ids: ['', 'a'], on: false },
      { ids: ['', 'a'], on: false },
    ],
    [{ logic: { '==': [1, 1] } }, { logic: { '==': [1, 1] } }],
    [{ check: { kind: 'expression', logic: {} } }, { check: { kind: 'expression', logic: {} } }],
  ])('compacts %j to %j', (input, expected) => {
    expect(compactData(input)).toEqual(expected);
  });
});
