import { isMailProxy, PatientPageService } from './patient-page.service';
import { pageLanguageOf, unsubscribeDone, unsubscribeQuestion } from './unsubscribe-page';

describe("the patient's pages", () => {
  it.each([
    ['17.58.63.3', true],
    ['::ffff:17.1.2.3', true],
    ['172.16.0.1', false],
    ['117.1.2.3', false],
    ['::1', false],
    [undefined, false],
  ])('should take a fetch from %s for a mail privacy proxy: %s', (address, proxy) => {
    expect(isMailProxy(address)).toBe(proxy);
  });

  it.each([
    ['fr', undefined, 'fr'],
    ['de', 'fr-FR', 'de'],
    [null, 'nb-NO,nb;q=0.9', 'nb'],
    [null, 'no', 'nb'],
    ['pt', 'pt-BR, es;q=0.8', 'es'],
    [null, undefined, 'en'],
    ['ja', 'ja-JP', 'en'],
  ])('should write the page for a message in %s (browser %s) in %s', (message, browser, expected) => {
    expect(pageLanguageOf(message, browser)).toBe(expected);
  });

  it("should escape the clinic's name, and unsubscribe only by the form's POST", () => {
    const page = unsubscribeQuestion('en', 'Dr <b>Smith</b> & Co');
    expect(page).toContain('Dr &lt;b&gt;Smith&lt;/b&gt; &amp; Co');
    expect(page).toContain('<form method="post">');
    expect(page).not.toMatch(/<script|https?:\/\//);
    expect(unsubscribeDone('nb', 'Klinikken')).toContain('du får ikke lenger e-post fra Klinikken');
  });

  it('should answer an opening the database could not take without failing, and count it when it can', async () => {
    const recorded: unknown[][] = [];
    let down = true;
    const page = new PatientPageService(
      { deliveryOf: (kind: string, token: string) => (token === 'good' ? 'dlv_1' : null) } as never,
      {
        recordOpen: async (...args: unknown[]) => {
          if (down)
            throw Object.assign(new Error('connection to 127.0.0.1:27017 closed'), { code: 'ECONNRESET' });
          recorded.push(args);
          return true;
        },
      } as never,
      {} as never,
      {} as never,
      { now: () => new Date('2026-03-02T09:00:00Z') } as never,
    );
    await expect(page.recordOpen('good', '17.1.2.3')).resolves.toBeUndefined();
    down = false;
    await page.recordOpen('bad', '10.0.0.1');
    await page.recordOpen('good', '17.1.2.3');
    expect(recorded).toEqual([['dlv_1', new Date('2026-03-02T09:00:00Z'), true]]);
  });
});
