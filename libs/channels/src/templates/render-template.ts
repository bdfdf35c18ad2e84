import Handlebars from 'handlebars';
import { LANGUAGE_CONVENTIONS, type Language } from '../languages/language';
import { inspectTemplate } from './check-template';
import { dayListView, patientDayView } from './day-list-view';
import type { MessageContext } from './message-context';
import {
  TemplateHelperError,
  formatDate,
  formatNumber,
  formatPrice,
  formatRelativeDay,
  formatTime,
  formatWeekday,
  toClinicDateTime,
  type FormattingSettings,
} from './template-helpers';
import { describePosition, type TemplateProblem } from './template-problem';

/** How to render: the patient's language, and optionally the zone, currency and now (else the clinic's). */
export interface RenderSettings {
  language: Language;
  timeZone?: string;
  currency?: string;
  now?: Date;
  /** HTML/XML-escape the values (e-mail HTML, SSML); plain text otherwise. */
  escape?: boolean;
}

/** The rendered text, or every problem found (never an empty string in place of a value). */
export type RenderResult = { ok: true; text: string } | { ok: false; problems: TemplateProblem[] };

type HelperOptions = Handlebars.HelperOptions & { loc?: hbs.AST.SourceLocation };

const handlebars = Handlebars.create();

function helper(
  name: string,
  format: (value: unknown, settings: FormattingSettings, ...rest: string[]) => string,
) {
  handlebars.registerHelper(name, function (...args: unknown[]) {
    const options = args.pop() as HelperOptions;
    const settings = (options.data as { settings: FormattingSettings }).settings;
    const line = options.loc?.start.line;
    const column = options.loc ? options.loc.start.column + 1 : undefined;
    if (args.length === 0)
      throw new TemplateHelperError(`"${name}" needs a value, e.g. ${name} appointment.start.`, line, column);
    try {
      return format(args[0], settings, ...(args.slice(1) as string[]));
    } catch (error) {
      throw new TemplateHelperError(`${name}: ${(error as Error).message}`, line, column);
    }
  });
}
helper('date', (value, settings, format) =>
  formatDate(value, settings, typeof format === 'string' ? format : undefined),
);
helper('time', formatTime);
helper('weekday', formatWeekday);
helper('relativeDay', formatRelativeDay);
helper('number', formatNumber);
helper('price', formatPrice);

/** Templates kept per source, compiled and inspected: a burst renders the same few thousands of times. */
const REMEMBERED_SOURCES = 500;
const compiled = new Map<string, Handlebars.TemplateDelegate>();
const inspections = new Map<string, Readonly<ReturnType<typeof inspectTemplate>>>();

/** What `make` gives for `key`, made once and kept (a full cache starts again empty). */
function remembered<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size > REMEMBERED_SOURCES) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

function compile(source: string, escape: boolean): Handlebars.TemplateDelegate {
  return remembered(compiled, `${escape ? 'e' : 'n'}:${source}`, () =>
    handlebars.compile(source, { strict: true, noEscape: !escape, knownHelpersOnly: false }),
  );
}

/** A template's inspection (its problems, variables and triple braces), parsed once per source. */
function inspected(source: string): Readonly<ReturnType<typeof inspectTemplate>> {
  return remembered(inspections, source, () => inspectTemplate(source));
}

/** The values templates see: the context plus the appointment's dates written in the patient's language. */
export function templateView(context: MessageContext, settings: FormattingSettings): Record<string, unknown> {
  const conventions = LANGUAGE_CONVENTIONS[settings.language];
  const { start, end } = context.appointment;
  const derived: Record<string, string> = {};
  if (start !== undefined && start !== null && start !== '') {
    const at = toClinicDateTime(start, settings);
    Object.assign(derived, {
      date: at.toFormat(conventions.date),
      shortDate: at.toFormat(conventions.shortDate),
      longDate: formatDate(start, settings, conventions.longDate),
      month: at.toFormat('LLLL'),
      weekday: formatWeekday(start, settings),
      dayOfMonth: at.toFormat('d'),
      startTime: formatTime(start, settings),
      relativeDay: formatRelativeDay(start, settings),
    });
  }
  if (end !== undefined && end !== null && end !== '') derived.endTime = formatTime(end, settings);
  const dayList = context.dayList ? { dayList: dayListView(context.dayList, settings) } : {};
  const appointments = context.appointments
    ? { appointments: patientDayView(context.appointments, settings) }
    : {};
  return { ...context, appointment: { ...context.appointment, ...derived }, ...dayList, ...appointments };
}

function valueAt(view: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], view);
}

/** Settings for formatting, completed from the clinic: its zone, currency and the current time. */
export function formattingSettings(context: MessageContext, settings: RenderSettings): FormattingSettings {
  return {
    language: settings.language,
    timeZone: settings.timeZone ?? context.clinic?.timeZone ?? 'UTC',
    currency: settings.currency ?? context.clinic?.currency ?? 'EUR',
    now: settings.now ?? new Date(),
  };
}

/** Renders a strict template: unknown variables, missing values and bad syntax are problems with positions. */
export function renderTemplate(
  source: string,
  context: MessageContext,
  settings: RenderSettings,
): RenderResult {
  const inspection = inspected(source);
  const found: TemplateProblem[] = [...inspection.problems];
  if (settings.escape) {
    found.push(
      ...inspection.unescaped.map((position) => ({
        code: 'syntax' as const,
        message: 'Triple braces would put a value in the HTML unescaped; use double braces.',
        ...position,
      })),
    );
  }
  if (found.length > 0) return { ok: false, problems: found };
  const formatting = formattingSettings(context, settings);
  let view: Record<string, unknown>;
  try {
    view = templateView(context, formatting);
  } catch (error) {
    const message = `The appointment's time cannot be read: ${(error as Error).message}`;
    return { ok: false, problems: [{ code: 'missing-value', message, line: 1, column: 1 }] };
  }
  const problems: TemplateProblem[] = inspection.variables
    .filter(
      (use) => use.topLevel && (valueAt(view, use.path) === undefined || valueAt(view, use.path) === null),
    )
    .map((use) => ({
      code: 'missing-value',
      message: `No value for "${use.path}".`,
      line: use.line,
      column: use.column,
    }));
  if (problems.length > 0) return { ok: false, problems };
  try {
    return {
      ok: true,
      text: compile(source, settings.escape ?? false)(view, { data: { settings: formatting } }),
    };
  } catch (error) {
    const { message, lineNumber, column, line } = error as Error & Record<string, number | undefined>;
    const code = error instanceof TemplateHelperError ? 'helper' : 'missing-value';
    const position = {
      line: line ?? lineNumber ?? 1,
      column: error instanceof TemplateHelperError ? (column ?? 1) : (column ?? 0) + 1,
    };
    return { ok: false, problems: [{ code, message: message.replace(/ - \d+:\d+$/, ''), ...position }] };
  }
}

/** The problems of a template as one readable line each, "Unknown variable "x". (line 1, column 9)". */
export function describeProblems(problems: readonly TemplateProblem[]): string[] {
  return problems.map((problem) => problem.message + describePosition(problem));
}
