import { readingOrder } from './canvasTabOrder';

describe(readingOrder.name, () => {
  it('should put the stops top to bottom, and left to right on one row', () => {
    const stops = [
      { id: 'edge + between trigger and condition', top: 120, left: 200 },
      { id: 'condition card', top: 180, left: 140 },
      { id: 'trigger card', top: 20, left: 140 },
      { id: '"+" on the no exit', top: 262, left: 330 },
      { id: '"+" on the yes exit', top: 260, left: 60 },
    ];
    expect(readingOrder(stops).map((stop) => stop.id)).toEqual([
      'trigger card',
      'edge + between trigger and condition',
      'condition card',
      '"+" on the yes exit',
      '"+" on the no exit',
    ]);
  });

  it('should keep the order of stops that sit at the same place', () => {
    const sut = readingOrder([
      { id: 'a', top: 0, left: 0 },
      { id: 'b', top: 0, left: 0 },
    ]);
    expect(sut.map((stop) => stop.id)).toEqual(['a', 'b']);
  });
});
