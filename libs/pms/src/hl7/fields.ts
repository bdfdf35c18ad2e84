import type { Hl7Context, Hl7Segment } from '@medplum/core';

/**
 * A field's value with HL7's escapes read (\F\ \S\ \T\ \R\ \E\, \.br\ as a line break; others dropped):
 * `component` from 1, `repetition` from 0, the first subcomponent unless `subcomponent` says which (from 0).
 */
export function valueOf(
  segment: Hl7Segment | undefined,
  field: number,
  component = 1,
  repetition = 0,
  subcomponent = 0,
): string {
  if (!segment) return '';
  const raw = segment.getField(field)?.components[repetition]?.[component - 1] ?? '';
  const sub = raw.split(segment.context.subcomponentSeparator)[subcomponent] ?? '';
  return unescapeHl7(sub, segment.context).trim();
}

/** How many repetitions a field has (0 when empty). */
export function repetitionsOf(segment: Hl7Segment | undefined, field: number): number {
  const components = segment?.getField(field)?.components ?? [];
  return components.length === 1 && components[0].every((c) => c === '') ? 0 : components.length;
}

/** HL7's escape sequences read back into the characters they stand for. */
export function unescapeHl7(value: string, context: Hl7Context): string {
  const e = context.escapeCharacter;
  if (!value.includes(e)) return value;
  const named: Record<string, string> = {
    F: context.fieldSeparator,
    S: context.componentSeparator,
    T: context.subcomponentSeparator,
    R: context.repetitionSeparator,
    E: e,
    '.br': '\n',
  };
  const pattern = new RegExp(`${escapeRegExp(e)}([^${escapeRegExp(e)}]*)${escapeRegExp(e)}`, 'g');
  return value.replace(pattern, (_, name: string) => {
    if (name in named) return named[name];
    // \Xhh..\: hexadecimal characters of the message's own set; read as Latin-1 code points
    if (/^X([0-9A-Fa-f]{2})+$/.test(name)) return Buffer.from(name.slice(1), 'hex').toString('latin1');
    return '';
  });
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
