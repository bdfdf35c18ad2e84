import { DateTime } from 'luxon';
import { placeInAllowedHours } from './place-in-allowed-hours';
import { quietHoursCalendar } from './quiet-hours-calendar';

const zone = 'Europe/Oslo';
const at = (local: string) => DateTime.fromISO(local, { zone });
const iso = (moment: DateTime | null) => moment?.setZone(zone).toISO({ suppressMilliseconds: true }) ?? null;
const opus = quietHoursCalendar(
  { nightly: { from: '22:00', to: '07:00' }, noSendWeekdays: [6, 7], holidays: ['2026-05-14'] },
  zone,
);

describe(quietHoursCalendar.name, () => {
  it.each([
    ['2026-05-12T12:00', null],
    ['2026-05-12T23:00', '23:00 is in the night pause 22:00–07:00'],
    ['2026-05-16T12:00', 'Saturday is a no-send day'],
    ['2026-05-14T12:00', '2026-05-14 is a holiday'],
  ])('should say why %s is quiet: %p', (local, reason) => {
    expect(opus.whyQuiet(at(local))).toBe(reason);
  });

  it.each([
    ['2026-05-15T22:30', '2026-05-18T07:00:00+02:00', '2026-05-15T21:59:00+02:00'],
    ['2026-05-13T23:00', '2026-05-15T07:00:00+02:00', '2026-05-13T21:59:00+02:00'],
    ['2026-05-12T03:00', '2026-05-12T07:00:00+02:00', '2026-05-11T21:59:00+02:00'],
  ])('should find the allowed moments around %s', (local, next, last) => {
    expect([iso(opus.nextAllowed(at(local))), iso(opus.lastAllowed(at(local)))]).toEqual([next, last]);
  });

  it('should handle a daytime pause and no pause at all', () => {
    const lunch = quietHoursCalendar({ nightly: { from: '12:00', to: '14:00' } }, zone);
    expect([lunch.isAllowed(at('2026-05-12T13:00')), lunch.isAllowed(at('2026-05-12T23:00'))]).toEqual([
      false,
      true,
    ]);
    expect(iso(lunch.nextAllowed(at('2026-05-12T13:00')))).toBe('2026-05-12T14:00:00+02:00');
    const always = quietHoursCalendar({ nightly: { from: '00:00', to: '00:00' } }, zone);
    expect(always.isAllowed(at('2026-05-12T03:00'))).toBe(true);
  });

  describe('with two windows (lunch 12:00–14:00 and night 21:00–08:00)', () => {
    const sut = quietHoursCalendar(
      {
        windows: [
          { start: '12:00', end: '14:00' },
          { start: '21:00', end: '08:00' },
        ],
      },
      zone,
    );

    it.each([
      ['2026-05-12T09:00', null],
      ['2026-05-12T12:00', '12:00 is in the quiet hours 12:00–14:00'],
      ['2026-05-12T13:59', '13:59 is in the quiet hours 12:00–14:00'],
      ['2026-05-12T14:00', null],
      ['2026-05-12T20:59', null],
      ['2026-05-12T23:30', '23:30 is in the night pause 21:00–08:00'],
      ['2026-05-12T07:59', '07:59 is in the night pause 21:00–08:00'],
    ])('should say why %s is quiet: %p', (local, reason) => {
      expect(sut.whyQuiet(at(local))).toBe(reason);
    });

    it.each([
      ['2026-05-12T12:30', '2026-05-12T14:00:00+02:00', '2026-05-12T11:59:00+02:00'],
      ['2026-05-12T23:30', '2026-05-13T08:00:00+02:00', '2026-05-12T20:59:00+02:00'],
      ['2026-05-12T06:00', '2026-05-12T08:00:00+02:00', '2026-05-11T20:59:00+02:00'],
      ['2026-05-12T10:00', '2026-05-12T10:00:00+02:00', '2026-05-12T10:00:00+02:00'],
    ])('should find the allowed moments around %s', (local, next, last) => {
      expect([iso(sut.nextAllowed(at(local))), iso(sut.lastAllowed(at(local)))]).toEqual([next, last]);
    });

    it('should apply the nightly pause and the windows together', () => {
      const both = quietHoursCalendar(
        { nightly: { from: '22:00', to: '07:00' }, windows: [{ start: '12:00', end: '13:00' }] },
        zone,
      );
      expect(['06:00', '12:30', '13:00', '22:30'].map((t) => both.isAllowed(at(`2026-05-12T${t}`)))).toEqual([
        false,
        false,
        true,
        false,
      ]);
    });

    it('should merge overlapping windows and find nothing when they cover the whole day', () => {
      const overlapping = quietHoursCalendar(
        {
          windows: [
            { start: '20:00', end: '09:00' },
            { start: '08:00', end: '10:00' },
          ],
        },
        zone,
      );
      expect(iso(overlapping.nextAllowed(at('2026-05-12T21:00')))).toBe('2026-05-13T10:00:00+02:00');
      const never = quietHoursCalendar(
        {
          windows: [
            { start: '00:00', end: '12:00' },
            { start: '12:00', end: '00:00' },
          ],
        },
        zone,
      );
      expect([never.nextAllowed(at('2026-05-12T12:00')), never.whyQuiet(at('2026-05-12T15:00'))]).toEqual([
        null,
        '15:00 is in the quiet hours 12:00–00:00',
      ]);
    });
  });

  it('should find nothing when every weekday is a no-send day', () => {
    const never = quietHoursCalendar({ noSendWeekdays: [1, 2, 3, 4, 5, 6, 7] }, zone);
    expect([never.nextAllowed(at('2026-05-12T12:00')), never.lastAllowed(at('2026-05-12T12:00'))]).toEqual([
      null,
      null,
    ]);
    const sut = placeInAllowedHours(at('2026-05-12T12:00'), 'shift-later', never, {
      notBefore: at('2026-05-01T00:00'),
    });
    expect(sut).toEqual({
      kind: 'skipped',
      reason:
        'quiet hours: Tuesday is a no-send day, and there is no allowed time between now and the deadline',
      why: { code: 'quiet-no-room', params: { quiet: 'no-send-day', weekday: 2, deadline: 'expiry' } },
    });
  });
});
