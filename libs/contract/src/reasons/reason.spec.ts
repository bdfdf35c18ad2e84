import { REASON_CODES, reasonOf } from '@clinicflow/rules';
import { reasonSchema } from './reason';

describe('reasonSchema', () => {
  it.each(REASON_CODES.map((code) => [code]))('should read the rules library’s reason %s', (code) => {
    const reason = reasonOf(code, { channel: 'sms', hours: 3 });
    expect(reasonSchema.parse(reason)).toEqual(reason);
  });

  it.each([
    [{ code: 'lead-time' }, 'params'],
    [{ code: 3, params: {} }, 'code'],
    [{ code: 'lead-time', params: { hours: true } }, 'params'],
  ])('should refuse %j at %s', (value, path) => {
    const read = reasonSchema.safeParse(value);
    expect(read.success).toBe(false);
    expect(read.error?.issues[0].path[0]).toBe(path);
  });
});
