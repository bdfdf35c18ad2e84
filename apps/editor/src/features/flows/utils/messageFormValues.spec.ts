import { LANGUAGES } from '@clinicflow/channels/browser';
import type { SendData } from '@clinicflow/rules';
import { messageData, messageFormValues, messageLanguages } from './messageFormValues';

const base: SendData = { channel: 'sms', recipient: { type: 'patient' }, template: {} };
const whatsapp = { contentSid: `HX${'0'.repeat(32)}`, variables: ['{{patient.firstName}}'] };

describe(messageFormValues.name, () => {
  it('gives the form a text box per language templates allow', () => {
    const empty = { subject: '', body: '' };
    expect(messageFormValues(base).template.byLanguage).toEqual({
      fr: empty,
      en: empty,
      es: empty,
      nb: empty,
      it: empty,
      de: empty,
    });
    expect([...messageLanguages].sort()).toEqual([...LANGUAGES].sort());
  });
});

describe(messageData.name, () => {
  it.each<[string, SendData, SendData]>([
    ['drops empty languages', messageFormValues(base), base],
    [
      'keeps written languages without empty subjects',
      {
        ...base,
        template: { byLanguage: { fr: { subject: '', body: 'Bonjour' }, en: { subject: '', body: '' } } },
      },
      { ...base, template: { byLanguage: { fr: { body: 'Bonjour' } } } },
    ],
    [
      'keeps a text’s approved WhatsApp template',
      {
        ...base,
        channel: 'whatsapp',
        template: { byLanguage: { fr: { subject: '', body: 'Bonjour', whatsapp } } },
      },
      { ...base, channel: 'whatsapp', template: { byLanguage: { fr: { body: 'Bonjour', whatsapp } } } },
    ],
    [
      'keeps a saved template and drops an empty sender',
      { ...base, template: { templateId: 'tpl-1' }, sender: { smsName: undefined } },
      { ...base, template: { templateId: 'tpl-1' } },
    ],
    [
      'keeps a sender name',
      { ...base, sender: { smsName: 'CABINET' } },
      { ...base, sender: { smsName: 'CABINET' } },
    ],
  ])('%s', (_title, values, expected) => {
    expect(messageData(values)).toEqual(expected);
  });

  it('gives back what the form was given', () => {
    const data: SendData = { ...base, template: { byLanguage: { fr: { body: 'Rappel' } } } };
    expect(messageData(messageFormValues(data))).toEqual(data);
  });
});
