import { ScanOffset } from './scan-offset';

const claims = (offset: ScanOffset, won: number, lost: number) => {
  for (let i = 0; i < won; i++) offset.claimed(true);
  for (let i = 0; i < lost; i++) offset.claimed(false);
};

describe('ScanOffset', () => {
  it('should start at the head while claims are won, and within three windows once a quarter are lost', () => {
    const offset = new ScanOffset(100, () => 0.5);
    expect(offset.next()).toBe(0);
    claims(offset, 8, 2);
    expect(offset.next()).toBe(0);
    claims(offset, 6, 4);
    expect(offset.next()).toBe(150);
    // Too few claims to decide again: the last decision holds.
    claims(offset, 3, 0);
    expect(offset.next()).toBe(150);
    claims(offset, 10, 0);
    expect(offset.next()).toBe(0);
  });

  it('should turn to the other end with a chance of one in two when contended, and back once drained', () => {
    const draws = [0.2, 0.8, 0.8, 0.8, 0.3, 0.8, 0.3, 0.8];
    const offset = new ScanOffset(100, () => draws.shift() ?? 0);
    expect(offset.fromTheEnd).toBe(false);
    // Contended: the first draw (0.2, under one half) turns it; the second places its start.
    claims(offset, 5, 5);
    expect(offset.next()).toBe(240);
    expect(offset.fromTheEnd).toBe(true);
    // Claims won again: it keeps reading from that end, from its start.
    claims(offset, 10, 0);
    expect(offset.next()).toBe(0);
    expect(offset.fromTheEnd).toBe(true);
    // Contended again, a draw of one half or more: it stays.
    claims(offset, 0, 10);
    expect(offset.next()).toBe(240);
    expect(offset.fromTheEnd).toBe(true);
    // A draw under one half turns it back.
    claims(offset, 2, 8);
    offset.next();
    expect(offset.fromTheEnd).toBe(false);
    // Nothing left due: the next burst is read earliest first, whichever way it read.
    claims(offset, 0, 10);
    offset.next();
    expect(offset.fromTheEnd).toBe(true);
    offset.drained();
    expect(offset.fromTheEnd).toBe(false);
  });

  it('should read the head next after a scan that passed the end of what is due', () => {
    const offset = new ScanOffset(50, () => 0.99);
    claims(offset, 0, 10);
    expect(offset.next()).toBe(148);
    offset.passedTheEnd();
    expect(offset.next()).toBe(0);
    expect(offset.next()).toBe(148);
  });
});
