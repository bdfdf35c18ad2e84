import type { PageLinkKind } from '../patient-links/patient-link.repository';
import { APPOINTMENT_PAGE_WORDS, type AppointmentPageWords } from './appointment-page-words';
import { escapeHtml, page, type PageLanguage } from './page-layout';

/** Where the appointment stands for its page: what the patient may still do. */
export type AppointmentPageState =
  'open' | 'confirmed' | 'cancelled-by-patient' | 'cancelled' | 'over' | 'gone';

/** What a tap on the page did, shown above the appointment. */
export type AppointmentPageOutcome =
  | 'confirmed'
  | 'already-confirmed'
  | 'cancelled'
  | 'already-cancelled'
  | 'requested'
  | 'over'
  | 'gone'
  | 'bad-request';

/** The appointment as its page shows it, in the patient's language (`when` written in the clinic's zone). */
export interface AppointmentPageView {
  language: PageLanguage;
  /** The link opened: its form comes first and open. */
  kind: PageLinkKind;
  clinic: { name: string; phone: string | null };
  state: AppointmentPageState;
  appointment: {
    when: string;
    service: string | null;
    practitioner: string | null;
    place: string | null;
    preparation: string[];
    /** Set when the appointment moved after the message was written: it is now at `when`. */
    moved: boolean;
  } | null;
  /** Where the appointment goes into a calendar: our .ics (a path), and Google's and Outlook's forms. */
  calendar: { file: string; google: string; outlook: string } | null;
}

/** A date and time in the patient's language and the clinic's zone ("jeudi 3 décembre 2026 à 09:30"). */
export function appointmentWhen(start: Date, language: PageLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(start);
}

const OUTCOME_WORDS: Record<AppointmentPageOutcome, keyof AppointmentPageWords> = {
  confirmed: 'confirmed',
  'already-confirmed': 'alreadyConfirmed',
  cancelled: 'cancelled',
  'already-cancelled': 'alreadyCancelled',
  requested: 'requested',
  over: 'over',
  gone: 'gone',
  'bad-request': 'badRequest',
};

/** What the page says of the appointment's state when nothing was tapped. */
const STATE_WORDS: Partial<Record<AppointmentPageState, keyof AppointmentPageWords>> = {
  confirmed: 'alreadyConfirmed',
  'cancelled-by-patient': 'alreadyCancelled',
  cancelled: 'cancelledByClinic',
  over: 'over',
  gone: 'gone',
};

const STYLE = `dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:1rem 0 1.5rem}
dt{font-weight:600}dd{margin:0}
form{margin:0 0 1rem}
details{margin:0 0 1rem;border:1px solid #868e96;border-radius:.4rem;padding:.6rem .8rem}
summary{cursor:pointer;font-weight:600;padding:.2rem 0}
summary:focus-visible,textarea:focus-visible,a:focus-visible{outline:3px solid #1a1b1e;outline-offset:2px}
label{display:block;margin:.6rem 0 .3rem}
textarea{display:block;width:100%;box-sizing:border-box;font:inherit;min-height:4.5rem;margin-bottom:.8rem}
.primary{width:100%;font-size:1.1rem}
.danger{background:#c92a2a}
.notice{padding:.7rem .9rem;border-radius:.4rem;background:#e7f5ff;border-left:4px solid #1971c2}
a{color:#1864ab}
h2{font-size:1.1rem;margin:1.5rem 0 .3rem}
ul{padding-left:1.2rem;margin:0 0 1rem}li{margin:.4rem 0}
`;

const line = (label: string, value: string | null) =>
  value ? `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>` : '';

/** The patient's appointment page: the appointment, and what they may still do (each a form that POSTs). */
export function appointmentPage(view: AppointmentPageView, outcome?: AppointmentPageOutcome): string {
  const words = APPOINTMENT_PAGE_WORDS[view.language];
  const said = outcome ? OUTCOME_WORDS[outcome] : STATE_WORDS[view.state];
  const parts: string[] = [];
  if (said) parts.push(`<p class="notice" role="status">${escapeHtml(words[said] as string)}</p>`);
  const appointment = view.appointment;
  if (appointment && view.state !== 'gone') {
    if (appointment.moved) parts.push(`<p class="notice">${escapeHtml(words.moved(appointment.when))}</p>`);
    parts.push(
      `<dl>${line(words.when, appointment.when)}${line(words.service, appointment.service)}${line(
        words.practitioner,
        appointment.practitioner,
      )}${line(words.place, appointment.place)}${line(words.preparation, appointment.preparation.join(' ') || null)}</dl>`,
    );
  }
  if (view.state === 'open' || view.state === 'confirmed') {
    parts.push(...actions(view, words));
    if (view.calendar) parts.push(calendarLinks(view.calendar, words));
  }
  parts.push(`<p>${escapeHtml(words.call(view.clinic.name))}${phone(view.clinic.phone)}</p>`);
  return page(view.language, words.title, parts.join('\n'), STYLE);
}

/** A page for a link that opens nothing: not ours, expired, or refused for now (too many taps, the service away). */
export function closedLinkPage(
  language: PageLanguage,
  why: 'invalid' | 'expired' | 'badRequest' | 'tooMany' | 'unavailable',
): string {
  const words = APPOINTMENT_PAGE_WORDS[language];
  return page(language, words.title, `<p class="notice" role="alert">${escapeHtml(words[why])}</p>`, STYLE);
}

function phone(number: string | null): string {
  return number ? `: <a href="tel:${escapeHtml(number)}">${escapeHtml(number)}</a>` : '';
}

/** The forms: confirm (unless done), cancel with a reason, ask for another time; the link's own comes first. */
function actions(view: AppointmentPageView, words: AppointmentPageWords): string[] {
  const confirm =
    view.state === 'open'
      ? `<form method="post"><input type="hidden" name="action" value="confirm"><button class="primary" type="submit">${escapeHtml(words.confirm)}</button></form>`
      : '';
  const open = (kind: PageLinkKind) => (view.kind === kind ? ' open' : '');
  const cancel = `<details${open('cancel')}><summary>${escapeHtml(words.cancel)}</summary><form method="post"><input type="hidden" name="action" value="cancel"><label for="reason">${escapeHtml(words.reason)}</label><textarea id="reason" name="reason" maxlength="500"></textarea><button class="danger" type="submit">${escapeHtml(words.cancel)}</button></form></details>`;
  const reschedule = `<details${open('reschedule')}><summary>${escapeHtml(words.reschedule)}</summary><form method="post"><input type="hidden" name="action" value="reschedule"><label for="wish">${escapeHtml(words.wish)}</label><textarea id="wish" name="wish" maxlength="500"></textarea><button type="submit">${escapeHtml(words.send)}</button></form></details>`;
  const forms: Partial<Record<PageLinkKind, string>> = { confirm, cancel, reschedule };
  const order: PageLinkKind[] = [view.kind, 'confirm', 'cancel', 'reschedule'];
  return [...new Set(order)].map((kind) => forms[kind] ?? '').filter(Boolean);
}

/** "Add to my calendar": the file (phones open it in their calendar), Google's and Outlook's own forms. */
function calendarLinks(
  calendar: NonNullable<AppointmentPageView['calendar']>,
  words: AppointmentPageWords,
): string {
  const link = (href: string, text: string) =>
    `<li><a href="${escapeHtml(href)}">${escapeHtml(text)}</a></li>`;
  return `<h2>${escapeHtml(words.addToCalendar)}</h2><ul>${link(calendar.file, words.calendarFile)}${link(
    calendar.google,
    words.googleCalendar,
  )}${link(calendar.outlook, 'Outlook')}</ul>`;
}
