import { channelSchema } from '@clinicflow/rules';
import { z } from 'zod';
import { CHANNELS, channelFlagsSchema, channelSwitchesSchema, perChannel } from './channel';

describe('CHANNELS', () => {
  it("should be the flow language's channel list", () => {
    expect(CHANNELS).toEqual(channelSchema.options);
    expect(CHANNELS).toEqual(['sms', 'email', 'voice']);
  });
});

describe(perChannel.name, () => {
  it('should name every channel', () => {
    expect(Object.keys(perChannel(z.number()).shape)).toEqual([...CHANNELS]);
  });

  it.each([
    [{ sms: true, email: false, voice: true }, true],
    [{ sms: true, email: false }, false],
    [{ sms: true, email: false, voice: 'yes' }, false],
  ])('should read the flags %p: %p', (flags, valid) => {
    expect(channelFlagsSchema.safeParse(flags).success).toBe(valid);
  });

  it.each([
    [{}, true],
    [{ voice: false }, true],
    [{ fax: true }, true],
    [{ sms: 1 }, false],
  ])('should read the switches %p: %p', (switches, valid) => {
    expect(channelSwitchesSchema.safeParse(switches).success).toBe(valid);
  });
});
