import { messagePreviewSchema, previewSchema } from './message-preview';

describe('previewSchema', () => {
  it.each([
    [{ channel: 'sms', template: { body: 'Bonjour' }, language: 'fr' }, true],
    [
      {
        channel: 'email',
        template: { subject: 'RDV', body: 'Bonjour' },
        context: { patient: { firstName: 'Léa' } },
      },
      true,
    ],
    [{ channel: 'fax', template: {} }, false],
    [{ channel: 'sms' }, false],
  ])('should read %p: %p', (input, valid) => {
    expect(previewSchema.safeParse(input).success).toBe(valid);
  });
});

describe('messagePreviewSchema', () => {
  it.each([
    {
      text: 'Bonjour Léa',
      subject: null,
      encoding: 'GSM-7',
      characters: 11,
      segments: 1,
      credits: 1,
      errors: [],
    },
    {
      text: null,
      subject: null,
      encoding: 'GSM-7',
      characters: 0,
      segments: 0,
      credits: 0,
      errors: [{ path: 'template.body', message: 'unknown variable patient.nickname' }],
    },
  ])('should read the answer $text', (answer) => {
    expect(messagePreviewSchema.parse(answer)).toEqual(answer);
  });
});
