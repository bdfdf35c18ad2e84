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

  it('should read the head next after a scan that passed the end of what is due', () => {
    const offset = new ScanOffset(50, () => 0.99);
    claims(offset, 0, 10);
    expect(offset.next()).toBe(148);
    offset.passedTheEnd();
    expect(offset.next()).toBe(0);
    expect(offset.next()).toBe(148);
  });
});
