import { isQuietHour, joinPauses, pauseOfSendingHours, splitPauses } from './sendingHours';

describe('isQuietHour', () => {
  it.each([
    [{ start: '21:00', end: '08:00' }, 21, true],
    [{ start: '21:00', end: '08:00' }, 7, true],
    [{ start: '21:00', end: '08:00' }, 8, false],
    [{ start: '21:00', end: '08:00' }, 20, false],
    [{ start: '12:00', end: '14:00' }, 13, true],
    [{ start: '12:00', end: '14:00' }, 14, false],
    [null, 3, false],
  ])('%j at %i h is quiet: %s', (pause, hour, quiet) => {
    expect(isQuietHour(pause, hour)).toBe(quiet);
  });
});

describe('pauseOfSendingHours', () => {
  it('turns sending from 8 h to the end of 20 h into a pause from 21:00 to 08:00', () => {
    expect(pauseOfSendingHours(8, 20)).toEqual({ start: '21:00', end: '08:00' });
  });

  it('gives no pause when every hour is allowed', () => {
    expect(pauseOfSendingHours(0, 23)).toBeNull();
  });

  it('ends the pause at midnight when sending runs until the end of 23 h', () => {
    expect(pauseOfSendingHours(9, 23)).toEqual({ start: '00:00', end: '09:00' });
  });
});

describe('splitPauses', () => {
  const night = { start: '21:00', end: '08:00' };
  const lunch = { start: '12:00', end: '14:00' };
  it.each([
    ['the night then lunch', [night, lunch], night, [lunch]],
    ['lunch then the night', [lunch, night], night, [lunch]],
    ['lunch alone', [lunch], null, [lunch]],
    [
      'a pause until midnight',
      [{ start: '22:00', end: '00:00' }, lunch],
      { start: '22:00', end: '00:00' },
      [lunch],
    ],
    ['nothing', [], null, []],
  ])('should find the nightly pause and the others in %s', (_title, windows, nightly, others) => {
    expect(splitPauses(windows)).toEqual({ nightly, others });
  });

  it('should give back the windows in the order to save them, the nightly pause first', () => {
    expect(joinPauses(night, [lunch])).toEqual([night, lunch]);
    expect(joinPauses(null, [lunch])).toEqual([lunch]);
  });
});
