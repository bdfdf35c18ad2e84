import { oneOffSendSchema, sendTemplateSchema } from './one-off-send';

const send = { channel: 'sms', to: '06 12 34 56 78', template: { body: 'Le cabinet sera fermé lundi.' } };

const problemPaths = (value: unknown) =>
  (oneOffSendSchema.safeParse(value).error?.issues ?? []).map((i) => i.path.join('.'));

describe('oneOffSendSchema', () => {
  it.each([
    ['to a number', send],
    [
      'to a patient, later',
      { ...send, to: undefined, patientId: 'pat_1', sendAt: '2026-04-02T08:00:00+02:00' },
    ],
  ])('should take a send %s', (_title, value) => {
    expect(problemPaths(value)).toEqual([]);
  });

  it.each([
    { title: 'neither patient nor address', patch: { to: undefined }, paths: ['to'] },
    { title: 'both patient and address', patch: { patientId: 'pat_1' }, paths: ['to'] },
    { title: 'an unknown channel', patch: { channel: 'fax' }, paths: ['channel'] },
    {
      title: 'an expiry before the send',
      patch: { sendAt: '2026-04-02T08:00:00Z', expiresAt: '2026-04-02T07:00:00Z' },
      paths: ['expiresAt'],
    },
    { title: 'no text nor template', patch: { template: {} }, paths: ['template.body'] },
  ])('should refuse $title', ({ patch, paths }) => {
    expect(problemPaths({ ...send, ...patch })).toEqual(paths);
  });
});

describe('sendTemplateSchema', () => {
  it('should take a saved template', () => {
    expect(sendTemplateSchema.parse({ templateId: 'tpl_1' })).toEqual({ templateId: 'tpl_1' });
  });
});
