import type { LadderRung, ReachData } from '@clinicflow/rules';
import { templateFormValues } from './messageFormValues';
import { newRung, reachData, reachFormValues } from './reachFormValues';

const rung = (channel: LadderRung['channel']): LadderRung => ({
  channel,
  template: {},
  until: 'delivered',
  within: { amount: 1, unit: 'hours' },
});

describe(reachFormValues.name, () => {
  it('should give each attempt a text box per language and save back only what is written', () => {
    const data: ReachData = {
      purpose: 'reminder',
      rungs: [
        { ...rung('whatsapp'), template: { byLanguage: { fr: { body: 'Bonjour' } } } },
        { ...rung('email'), template: { templateId: 'tpl-1' } },
      ],
    };
    const values = reachFormValues(data);
    expect(Object.keys(values.rungs[1].template.byLanguage ?? {})).toEqual([
      'fr',
      'en',
      'es',
      'nb',
      'it',
      'de',
    ]);
    expect(reachData(values)).toEqual(data);
  });
});

describe(newRung.name, () => {
  it.each<[string, LadderRung['channel'][], LadderRung['channel'] | null]>([
    ['takes the first channel not in the ladder', ['whatsapp', 'sms'], 'email'],
    ['takes SMS in an empty ladder', [], 'sms'],
    ['gives nothing once every channel is in', ['sms', 'email', 'voice', 'whatsapp'], null],
  ])('should %s', (_title, channels, expected) => {
    expect(newRung(channels.map(rung))?.channel ?? null).toBe(expected);
  });

  it('should wait an hour for a delivered message, with an empty text box per language', () => {
    expect(newRung([rung('sms')])).toEqual({
      channel: 'email',
      template: templateFormValues({}),
      until: 'delivered',
      within: { amount: 1, unit: 'hours' },
    });
  });
});
