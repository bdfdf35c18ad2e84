import { passwordProblem } from './password-rules';

describe(passwordProblem.name, () => {
  it.each([
    { password: 'correct-horse-battery', problem: null },
    { password: 'twelve chars', problem: null },
    { password: 'àéîõü-ßçñ-ÿ€', problem: null },
  ])('should accept $password', ({ password, problem }) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it.each([
    { title: 'a short one', password: 'short-pw', problem: 'at least 12 characters' },
    { title: 'an empty one', password: '', problem: 'at least 12 characters' },
    { title: 'a common long one', password: '1q2w3e4r5t6y', problem: expect.stringMatching(/too common/) },
    {
      title: 'a common one in capitals',
      password: 'QWERTY123456',
      problem: expect.stringMatching(/too common/),
    },
    {
      title: 'the e-mail itself',
      password: 'lea.martin@cabinet.fr',
      problem: 'must not be the e-mail address',
    },
  ])('should refuse $title', ({ password, problem }) => {
    expect(passwordProblem(password, 'Lea.Martin@cabinet.fr')).toEqual(problem);
  });

  it('should count characters, not UTF-16 units, towards the length', () => {
    expect(passwordProblem('😀'.repeat(11))).toBe('at least 12 characters');
    expect(passwordProblem('😀'.repeat(12))).toBeNull();
  });
});
