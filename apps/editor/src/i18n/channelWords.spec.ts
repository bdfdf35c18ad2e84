import { CHANNELS } from '@clinicflow/contract';
import { messages } from '../test/messages';
import { channelLabel, channelOptions } from './channelWords';

describe(channelLabel.name, () => {
  it.each([
    ['en', 'sms', 'SMS'],
    ['en', 'whatsapp', 'WhatsApp'],
    ['fr', 'whatsapp', 'WhatsApp'],
    ['fr', 'voice', 'Appel vocal'],
    ['en', 'fax', 'fax'],
  ] as const)('should name the %s channel %s "%s"', (language, channel, label) => {
    expect(channelLabel(messages[language], channel)).toBe(label);
  });
});

describe(channelOptions.name, () => {
  it('should offer every channel of the contract, WhatsApp included, in its order', () => {
    const options = channelOptions(messages.en);
    expect(options.map((option) => option.value)).toEqual([...CHANNELS]);
    expect(options).toContainEqual({ value: 'whatsapp', label: 'WhatsApp' });
  });
});
