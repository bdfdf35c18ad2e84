import type { ClinicClock } from '../clock/clinicClock';
import { stepWords } from '../features/flows/utils/stepWords';
import { formatMessage } from '../features/flows/utils/formatMessage';
import { channelLabel } from './channelWords';
import type { Messages } from './messages';

/** A reason as the API answers it: a code and its parameters (libs/rules `Reason`, libs/contract `reasonSchema`). */
export interface ReasonLike {
  code: string;
  params: Readonly<Record<string, string | number>>;
}

type Key = keyof Messages;
type Params = ReasonLike['params'];

/** The message key of a code: `reason` + the code in PascalCase (`channel-off-service` → `reasonChannelOffService`). */
export function reasonKey(code: string): string {
  return `reason${code.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase())}`;
}

const pick = (t: Messages, key: string, fallback: string): string =>
  (t as Record<string, string>)[key] ?? fallback;

const quietKeys: Record<string, Key> = {
  holiday: 'reasonQuietHoliday',
  'no-send-day': 'reasonQuietNoSendDay',
  pause: 'reasonQuietPause',
};

/** What makes a moment quiet, worded (a reason's `quiet`, `day`, `weekday`, `time`, `from`, `to`, `night`). */
function quietWords(t: Messages, params: Params, clock: ClinicClock | null): string {
  const key = params.quiet === 'pause' && params.night ? 'reasonQuietNightPause' : quietKeys[params.quiet];
  if (!key) return String(params.quiet ?? '');
  return formatMessage(t[key], {
    ...params,
    day: clock && typeof params.day === 'string' ? clock.day(params.day) : (params.day ?? ''),
    weekday:
      clock && typeof params.weekday === 'number' ? clock.weekday(params.weekday) : (params.weekday ?? ''),
  });
}

/**
 * A reason in the user's language: its sentence with every parameter worded (channels, lists, days and times in
 * the clinic's clock); null for a code this editor does not know (an older editor facing a newer engine), whose
 * caller then shows the engine's English sentence.
 */
export function reasonWords(
  t: Messages,
  why: ReasonLike | null | undefined,
  clock: ClinicClock | null,
  language: string,
): string | null {
  if (!why) return null;
  const template = (t as Record<string, string>)[reasonKey(why.code)];
  if (template === undefined) return null;
  const params = why.params ?? {};
  const list = (values: string[], type: 'conjunction' | 'disjunction') =>
    new Intl.ListFormat(language, { type }).format(values);
  const split = (value: string | number | undefined) =>
    String(value ?? '')
      .split(',')
      .filter(Boolean);
  const instant = (value: string | number | undefined) =>
    clock && typeof value === 'string' ? clock.dateTime(value) : String(value ?? '');
  const number = (value: string | number) =>
    typeof value === 'number' ? new Intl.NumberFormat(language).format(value) : value;
  const purpose = (value: string) =>
    pick(t, `reasonPurpose${value.charAt(0).toUpperCase()}${value.slice(1)}`, value);
  const statusKeys: Record<string, string> = stepWords.status;
  const status = (value: string) => pick(t, statusKeys[value] ?? '', value);
  const { cause, ...rest } = params;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) values[name] = number(value);
  Object.assign(values, {
    ...(params.channel !== undefined && { channel: channelLabel(t, String(params.channel)) }),
    ...(params.channels !== undefined && {
      channels: list(
        split(params.channels).map((c) => channelLabel(t, c)),
        'disjunction',
      ),
    }),
    ...(params.purpose !== undefined && { purpose: purpose(String(params.purpose)) }),
    ...(params.covers !== undefined && { covers: list(split(params.covers).map(purpose), 'conjunction') }),
    ...(params.who !== undefined && {
      who: params.name ?? pick(t, reasonKey(`who-${params.who}`), String(params.who)),
    }),
    ...(params.quiet !== undefined && { quiet: quietWords(t, params, clock) }),
    ...(params.deadline !== undefined && { deadline: pick(t, reasonKey(`deadline-${params.deadline}`), '') }),
    ...(params.source !== undefined && {
      source: pick(t, reasonKey(`source-${params.source}`), String(params.source)),
    }),
    ...(params.sources !== undefined && {
      sources: list(
        split(params.sources).map((s) => pick(t, reasonKey(`source-${s}`), s)),
        'disjunction',
      ),
    }),
    ...(params.status !== undefined && { status: status(String(params.status)) }),
    ...(params.statuses !== undefined && {
      statuses: list(split(params.statuses).map(status), 'disjunction'),
    }),
    ...(params.confirmation !== undefined && {
      confirmation: pick(t, reasonKey(`confirmation-${params.confirmation}`), String(params.confirmation)),
    }),
    ...(params.meaning !== undefined && {
      meaning: pick(t, reasonKey(`meaning-${params.meaning}`), String(params.meaning)),
    }),
    ...(params.event !== undefined && {
      event: pick(
        t,
        stepWords.event[params.event as keyof typeof stepWords.event] ?? '',
        String(params.event),
      ),
    }),
    ...(params.weekday !== undefined &&
      clock &&
      typeof params.weekday === 'number' && { weekday: clock.weekday(params.weekday) }),
    ...(params.day !== undefined && clock && { day: clock.day(String(params.day)) }),
    ...(params.expiresAt !== undefined && { expiresAt: instant(params.expiresAt) }),
    ...(params.start !== undefined && { start: instant(params.start) }),
    ...(params.at !== undefined && { at: instant(params.at) }),
    ...(cause !== undefined && {
      cause: reasonWords(t, { code: String(cause), params: rest }, clock, language) ?? '',
    }),
  });
  return formatMessage(template, values);
}
