import { isMailProxy, PatientPageService } from './patient-page.service';
import { appointmentPage, type AppointmentPageView } from './appointment-page';
import { pageLanguageOf } from './page-layout';
import { unsubscribeDone, unsubscribeQuestion } from './unsubscribe-page';

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

  describe('the appointment page', () => {
    const view: AppointmentPageView = {
      language: 'en',
      kind: 'confirm',
      clinic: { name: 'Dr <b>Smith</b> & Co', phone: '+441234567890' },
      state: 'open',
      appointment: {
        when: 'Thursday 3 December 2026 at 09:30',
        service: 'Check-up',
        practitioner: 'Dr Who',
        place: null,
        preparation: ['Bring your card.'],
        moved: false,
      },
      calendar: {
        file: '/p/Hk2mX9aT7bLp1zQc/calendar',
        google: 'https://calendar.google.com/calendar/render?action=TEMPLATE&text=Check-up',
        outlook: 'https://outlook.live.com/calendar/0/action/compose?subject=Check-up',
      },
    };
    const buttons = (html: string) => [...html.matchAll(/name="action" value="(\w+)"/g)].map((m) => m[1]);

    it("should offer the three answers, the link's own first, as forms without script", () => {
      const html = appointmentPage(view);
      expect(buttons(html)).toEqual(['confirm', 'cancel', 'reschedule']);
      expect(buttons(appointmentPage({ ...view, kind: 'reschedule' }))).toEqual([
        'reschedule',
        'confirm',
        'cancel',
      ]);
      expect(html).toContain('Dr &lt;b&gt;Smith&lt;/b&gt; &amp; Co');
      expect(html).not.toMatch(/<script|src=/);
      // a place it does not know is left out, not written "null"
      expect(html).not.toContain('Where');
    });

    it('should offer to add the appointment to a calendar while it is to come', () => {
      const html = appointmentPage(view);
      expect(html).toContain('<a href="/p/Hk2mX9aT7bLp1zQc/calendar">Phone calendar (.ics)</a>');
      expect(html).toContain(
        'href="https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=Check-up"',
      );
      // the page's address holds the token: a calendar site followed from it must not learn it
      expect(html).toContain('<meta name="referrer" content="no-referrer">');
      expect(appointmentPage({ ...view, state: 'over' })).not.toContain('calendar');
    });

    it('should offer only what is left to do', () => {
      expect(buttons(appointmentPage({ ...view, state: 'confirmed' }))).toEqual(['cancel', 'reschedule']);
      for (const state of ['cancelled', 'cancelled-by-patient', 'over', 'gone'] as const)
        expect(buttons(appointmentPage({ ...view, state }))).toEqual([]);
      expect(appointmentPage({ ...view, state: 'gone' })).not.toContain('Check-up');
      expect(appointmentPage({ ...view, state: 'cancelled-by-patient' })).toContain(
        'This appointment is already cancelled.',
      );
    });

    it('should say that the appointment moved, and what a tap did', () => {
      const moved = { ...view, appointment: { ...view.appointment!, moved: true } };
      expect(appointmentPage(moved)).toContain(
        'This appointment has been moved: it is now on Thursday 3 December 2026 at 09:30.',
      );
      expect(appointmentPage(view, 'requested')).toContain('the clinic will get back to you');
    });
  });
});
