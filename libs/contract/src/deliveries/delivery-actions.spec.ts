import { creditsRetryProgressSchema, creditsRetrySchema, sentByOptionsSchema } from './delivery-actions';

describe('sentByOptionsSchema', () => {
  it('should read the engine and the users', () => {
    const options = {
      items: [
        { sentBy: 'engine', name: null },
        { sentBy: 'accueil@cabinet.fr', name: 'Accueil' },
      ],
    };
    expect(sentByOptionsSchema.parse(options)).toEqual(options);
  });
});

describe('creditsRetrySchema', () => {
  it('should read the counts of a retry and of its progress', () => {
    const answer = { retried: 3, unpaid: 1, failed: 1, left: 3 };
    expect(creditsRetrySchema.parse(answer)).toEqual(answer);
    expect(creditsRetryProgressSchema.parse({ failed: 0, left: 2 })).toEqual({ failed: 0, left: 2 });
  });

  it.each([
    ['a negative count', { retried: -1, unpaid: 0, failed: 0, left: 0 }],
    ['a missing count', { retried: 1, failed: 0, left: 0 }],
  ])('should refuse %s', (_title, answer) => {
    expect(creditsRetrySchema.safeParse(answer).success).toBe(false);
  });
});
