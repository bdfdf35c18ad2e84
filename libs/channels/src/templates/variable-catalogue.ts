import { templateFieldCatalogue, type ContextField } from '@clinicflow/rules';

/**
 * One merge variable a template may use: its path, what it means (in the editor's languages), an example and
 * the tuOtempO code. The list is the rules library's catalogue of context fields, the one the flow validator
 * checks templates against, so the picker never offers what no flow or send may use (`templateFieldsForSend`:
 * the sending user exists in one-off and batch sends only).
 */
export interface TemplateVariable {
  path: string;
  group: ContextField['group'];
  /** What it means, in English. */
  description: string;
  /** What it means, in each language of the editor. */
  descriptions: ContextField['description'];
  example: string;
  /** The code tuOtempO's manual uses for the same value (C3), for migrating templates. */
  legacyCode?: string;
}

/** The helpers templates may call, with how to call them. */
export const TEMPLATE_HELPERS = [
  { name: 'date', usage: '{{date appointment.start "EEEE d MMMM"}}', description: 'A date in the patient\'s language and the clinic\'s zone, with luxon tokens (default: the language\'s numeric date).' },
  { name: 'time', usage: '{{time appointment.start}}', description: 'A time of day, "09:30".' },
  { name: 'weekday', usage: '{{weekday appointment.start}}', description: 'The day of the week, "jeudi".' },
  { name: 'relativeDay', usage: '{{relativeDay appointment.start}}', description: 'The day relative to now: "demain", "mañana", "i morgen".' },
  { name: 'number', usage: '{{number service.duration}}', description: 'A number written the way the language writes it.' },
  { name: 'price', usage: '{{price service.price}}', description: 'An amount in the clinic\'s currency, "45,00 €".' },
] as const; // prettier-ignore

/** Every merge variable, as data the editor can list with descriptions (covers tuOtempO's list, C3). */
export const TEMPLATE_VARIABLES: readonly TemplateVariable[] = templateFieldCatalogue.map((field) => ({
  path: field.path,
  group: field.group,
  description: field.description.en,
  descriptions: field.description,
  example: field.example,
  ...(field.legacyCode ? { legacyCode: field.legacyCode } : {}),
}));

/** The set of variable paths a template may use. */
export const TEMPLATE_VARIABLE_PATHS: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES.map((v) => v.path));
