import { channelSchema } from '@clinicflow/rules';
import { z } from 'zod';
import { CHANNELS, channelFlagsSchema, channelSwitchesSchema, perChannel } from './channel';

describe('CHANNELS', () => {
  it("should be the flow language's channel list", () => {
    expect(CHANNELS).toEqual(channelSchema.options);
    expect(CHANNELS).toEqual(['sms', 'email', 'voice', 'whatsapp']);
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

  it('should read flags without WhatsApp (saved before it) as WhatsApp off, and never switch a toggle off', () => {
    expect(channelFlagsSchema.parse({ sms: true, email: true, voice: true })).toEqual({
      sms: true,
      email: true,
      voice: true,
      whatsapp: false,
    });
    expect(channelSwitchesSchema.parse({ sms: false })).toEqual({ sms: false });
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
