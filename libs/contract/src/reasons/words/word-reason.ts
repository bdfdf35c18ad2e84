import { reasonMessagesEn } from './en';
import { reasonMessagesFr } from './fr';

/** A reason's sentences and the words put in them, keyed `reason` + the code in PascalCase. */
export type ReasonCatalogue = Record<keyof typeof reasonMessagesEn, string>;

/** The reason catalogues of the languages the editor and the exports speak. */
export const reasonCatalogues: Record<'en' | 'fr', ReasonCatalogue> = {
  en: reasonMessagesEn,
  fr: reasonMessagesFr,
};

/** A reason as stored and answered: a code and its parameters. */
export interface ReasonLike {
  code: string;
  params: Readonly<Record<string, string | number>>;
}

/**
 * What the caller words itself, because it lives in its own catalogues or clock: channels, appointment statuses
 * and event types by their names, instants and clinic-local days in the clinic's zone and the language's format.
 */
export interface ReasonWordings {
  /** The language's tag, for numbers and lists ("fr", "en"). */
  language: string;
  channel(channel: string): string;
  status(status: string): string;
  event(type: string): string;
  /** An instant (ISO) as the clinic reads it; as given when the clinic's clock is not known. */
  instant(iso: string): string;
  /** A clinic-local day (yyyy-MM-dd). */
  day(day: string): string;
  /** An ISO weekday (1 = Monday). */
  weekday(isoWeekday: number): string;
}

/** The catalogue key of a code: `reason` + the code in PascalCase (`channel-off-service` → `reasonChannelOffService`). */
export function reasonKey(code: string): string {
  return `reason${code.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase())}`;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

type Params = ReasonLike['params'];

const quietKeys: Record<string, keyof ReasonCatalogue> = {
  holiday: 'reasonQuietHoliday',
  'no-send-day': 'reasonQuietNoSendDay',
  pause: 'reasonQuietPause',
};

/**
 * A reason in a language: its sentence with every parameter worded (channels, lists, days and times as the
 * caller words them); null for a code the catalogue does not know (an older reader facing a newer engine), whose
 * caller then shows the engine's English sentence.
 */
export function wordReason(
  catalogue: ReasonCatalogue,
  why: ReasonLike | null | undefined,
  words: ReasonWordings,
): string | null {
  if (!why) return null;
  const entries = catalogue as Record<string, string>;
  const template = entries[reasonKey(why.code)];
  if (template === undefined) return null;
  const pick = (key: string, fallback: string) => entries[key] ?? fallback;
  const params = why.params ?? {};
  const list = (values: string[], type: 'conjunction' | 'disjunction') =>
    new Intl.ListFormat(words.language, { type }).format(values);
  const split = (value: string | number | undefined) =>
    String(value ?? '')
      .split(',')
      .filter(Boolean);
  const number = (value: string | number) =>
    typeof value === 'number' ? new Intl.NumberFormat(words.language).format(value) : value;
  const purpose = (value: string) =>
    pick(`reasonPurpose${value.charAt(0).toUpperCase()}${value.slice(1)}`, value);
  const { cause, ...rest } = params;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) values[name] = number(value);
  Object.assign(values, {
    ...(params.channel !== undefined && { channel: words.channel(String(params.channel)) }),
    ...(params.channels !== undefined && {
      channels: list(split(params.channels).map(words.channel), 'disjunction'),
    }),
    ...(params.purpose !== undefined && { purpose: purpose(String(params.purpose)) }),
    ...(params.covers !== undefined && { covers: list(split(params.covers).map(purpose), 'conjunction') }),
    ...(params.who !== undefined && {
      who: params.name ?? pick(reasonKey(`who-${params.who}`), String(params.who)),
    }),
    ...(params.quiet !== undefined && { quiet: quietWords(catalogue, params, words) }),
    ...(params.deadline !== undefined && { deadline: pick(reasonKey(`deadline-${params.deadline}`), '') }),
    ...(params.source !== undefined && {
      source: pick(reasonKey(`source-${params.source}`), String(params.source)),
    }),
    ...(params.sources !== undefined && {
      sources: list(
        split(params.sources).map((s) => pick(reasonKey(`source-${s}`), s)),
        'disjunction',
      ),
    }),
    ...(params.status !== undefined && { status: words.status(String(params.status)) }),
    ...(params.statuses !== undefined && {
      statuses: list(split(params.statuses).map(words.status), 'disjunction'),
    }),
    ...(params.confirmation !== undefined && {
      confirmation: pick(reasonKey(`confirmation-${params.confirmation}`), String(params.confirmation)),
    }),
    ...(params.goal !== undefined && {
      goal: pick(reasonKey(`goal-${params.goal}`), String(params.goal)),
    }),
    ...(params.meaning !== undefined && {
      meaning: pick(reasonKey(`meaning-${params.meaning}`), String(params.meaning)),
    }),
    ...(params.event !== undefined && { event: words.event(String(params.event)) }),
    ...(typeof params.weekday === 'number' && { weekday: words.weekday(params.weekday) }),
    ...(params.day !== undefined && { day: words.day(String(params.day)) }),
    ...(typeof params.expiresAt === 'string' && { expiresAt: words.instant(params.expiresAt) }),
    ...(typeof params.start === 'string' && { start: words.instant(params.start) }),
    ...(typeof params.at === 'string' && { at: words.instant(params.at) }),
    ...(cause !== undefined && {
      cause: wordReason(catalogue, { code: String(cause), params: rest }, words) ?? '',
    }),
  });
  return fill(template, values);
}

/** What makes a moment quiet, worded (a reason's `quiet`, `day`, `weekday`, `time`, `from`, `to`, `night`). */
function quietWords(catalogue: ReasonCatalogue, params: Params, words: ReasonWordings): string {
  const key = params.quiet === 'pause' && params.night ? 'reasonQuietNightPause' : quietKeys[params.quiet];
  if (!key) return String(params.quiet ?? '');
  return fill(catalogue[key], {
    ...params,
    day: typeof params.day === 'string' ? words.day(params.day) : (params.day ?? ''),
    weekday: typeof params.weekday === 'number' ? words.weekday(params.weekday) : (params.weekday ?? ''),
  });
}
