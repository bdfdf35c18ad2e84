import { branchTurnY } from './branchTurnY';

describe(branchTurnY.name, () => {
  it('should turn each exit of a card on a level of its own', () => {
    const levels = [0, 1, 2, 3].map((index) => branchTurnY(100, 300, index));
    expect(new Set(levels).size).toBe(4);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it('should turn above the step the branch leads to, even when it is close', () => {
    expect(branchTurnY(100, 150, 3)).toBe(138);
    expect(branchTurnY(100, 200, 3)).toBe(182);
    expect(branchTurnY(100, 105, 0)).toBe(112);
  });
});
