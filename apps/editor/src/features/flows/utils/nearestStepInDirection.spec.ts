import { nearestStepInDirection, type Direction, type PlacedStep } from './nearestStepInDirection';

//        t
//        c
//    s       e2
//    e
const steps: PlacedStep[] = [
  { id: 't', position: { x: 100, y: 0 } },
  { id: 'c', position: { x: 100, y: 100 } },
  { id: 's', position: { x: 0, y: 200 } },
  { id: 'e2', position: { x: 200, y: 200 } },
  { id: 'e', position: { x: 0, y: 300 } },
];

describe(nearestStepInDirection.name, () => {
  it.each<[string, Direction, string | null]>([
    ['t', 'down', 'c'],
    ['c', 'up', 't'],
    ['s', 'right', 'e2'],
    ['e2', 'left', 's'],
    ['s', 'down', 'e'],
    ['t', 'up', null],
    ['e', 'down', null],
    ['zz', 'down', null],
  ])('from %s going %s reaches %s', (from, direction, expected) => {
    expect(nearestStepInDirection(steps, from, direction)).toBe(expected);
  });
});
