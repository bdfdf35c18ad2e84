import { WHATSAPP_WINDOW_MS, whatsappForm, whatsappWindowOpen } from './whatsapp-window';

const now = new Date('2026-12-07T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe(whatsappWindowOpen.name, () => {
  it.each([
    { last: null, open: false },
    { last: ago(60_000), open: true },
    { last: ago(WHATSAPP_WINDOW_MS - 1), open: true },
    { last: ago(WHATSAPP_WINDOW_MS), open: false },
    { last: ago(-60_000), open: false },
  ])('is $open for a last message at $last', ({ last, open }) => {
    expect(whatsappWindowOpen(last, now)).toBe(open);
  });
});

describe(whatsappForm.name, () => {
  const template = { contentSid: 'HX0123456789abcdef0123456789abcdef', variables: {} };

  it('sends the free text inside the window, even when a template exists', () => {
    expect(whatsappForm(template, ago(3_600_000), now)).toEqual({ send: 'text' });
  });

  it('sends the approved template outside it, and nothing without one', () => {
    expect(whatsappForm(template, null, now)).toEqual({ send: 'template', template });
    expect(whatsappForm(undefined, ago(WHATSAPP_WINDOW_MS + 1), now)).toEqual({ send: 'nothing' });
  });
});
