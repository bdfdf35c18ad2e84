import { RulesError, isRulesError } from './rules-error';
import { RulesErrorCode, rulesErrorMessage } from './rules-error-code';

describe(rulesErrorMessage.name, () => {
  it.each(Object.values(RulesErrorCode))('should word %s', (code) => {
    expect(rulesErrorMessage(code)).toMatch(/\.$/);
  });
});

describe(RulesError.name, () => {
  it('should carry its code, problems and message', () => {
    const sut = new RulesError(RulesErrorCode.InvalidFlow, [{ nodeId: 'a', path: 'nodes.0', message: 'x' }]);
    expect(sut).toMatchObject({
      code: RulesErrorCode.InvalidFlow,
      message: rulesErrorMessage(RulesErrorCode.InvalidFlow),
    });
    expect(sut.problems).toHaveLength(1);
  });

  it.each([
    [new RulesError(RulesErrorCode.RunEnded), true],
    [new Error('x'), false],
    ['text', false],
  ])('should recognise %p as a rules error: %p', (value, expected) => {
    expect(isRulesError(value)).toBe(expected);
  });
});
