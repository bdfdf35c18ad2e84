import { DateTime } from 'luxon';
import { CSV_BOM, csvLine, neutraliseFormula } from '../../common/csv';
import type { BatchRow } from './batch-recipients.service';

/** What a row of the preview's file says besides the row itself. */
export interface BatchListContext {
  zone: string;
  language: 'en' | 'fr';
  /** Rows taken out by hand (their ids). */
  removed: ReadonlySet<string>;
}

interface Column {
  header: Record<'en' | 'fr', string>;
  value: (row: BatchRow, context: BatchListContext) => string;
}

const yesNo = (value: boolean, context: BatchListContext) =>
  value ? (context.language === 'fr' ? 'oui' : 'yes') : context.language === 'fr' ? 'non' : 'no';

/** The columns of the preview's file, in order. */
export const BATCH_LIST_COLUMNS: readonly Column[] = [
  { header: { en: 'patient', fr: 'patient' }, value: (row) => row.patient?.name ?? '' },
  { header: { en: 'address', fr: 'adresse' }, value: (row) => row.address ?? '' },
  {
    header: { en: 'appointment', fr: 'rendez-vous' },
    value: (row, context) =>
      row.start ? DateTime.fromJSDate(row.start, { zone: context.zone }).toFormat('yyyy-MM-dd HH:mm') : '',
  },
  {
    header: { en: 'already sent', fr: 'déjà envoyé' },
    value: (row, context) => yesNo(row.alreadySent, context),
  },
  {
    header: { en: 'removed by hand', fr: 'retiré à la main' },
    value: (row, context) => yesNo(context.removed.has(row.id), context),
  },
  {
    header: { en: 'can receive it', fr: 'peut le recevoir' },
    value: (row, context) => yesNo(!row.problem && !context.removed.has(row.id), context),
  },
  { header: { en: 'problem', fr: 'problème' }, value: (row) => row.problem ?? '' },
  { header: { en: 'appointment id', fr: 'id du rendez-vous' }, value: (row) => row.appointmentId ?? '' },
  { header: { en: 'patient id', fr: 'id du patient' }, value: (row) => row.patient?.id ?? '' },
];

/**
 * The preview's rows as a CSV file (RFC 4180, UTF-8 with a byte-order mark, like the report's export), times
 * in the clinic's zone, headers in the language asked; yielded in chunks of about 64 KiB.
 */
export function* batchListCsv(rows: readonly BatchRow[], context: BatchListContext): Generator<string> {
  let chunk = CSV_BOM + csvLine(BATCH_LIST_COLUMNS.map((column) => column.header[context.language]));
  for (const row of rows) {
    chunk += csvLine(BATCH_LIST_COLUMNS.map((column) => neutraliseFormula(column.value(row, context))));
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
