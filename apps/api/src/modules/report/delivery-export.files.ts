import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { csvLine, CSV_BOM, neutraliseFormula } from '../../common/csv';
import {
  EXPORT_COLUMNS,
  ExportCell,
  ExportContext,
  ExportedDelivery,
  headerOf,
} from './delivery-export.columns';

const CSV_CHUNK = 64 * 1024;
const XLSX_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * The CSV file (RFC 4180: every field quoted, CRLF), UTF-8 with a byte-order mark so that Excel reads the
 * accents right; yielded in chunks of about 64 KiB as rows come from the cursor.
 */
export async function* csvChunks(
  rows: AsyncIterable<ExportedDelivery>,
  context: ExportContext,
): AsyncGenerator<string> {
  let chunk = CSV_BOM + csvLine(EXPORT_COLUMNS.map((column) => headerOf(column, context)));
  for await (const row of rows) {
    chunk += csvLine(EXPORT_COLUMNS.map((column) => csvText(column.value(row, context))));
    if (chunk.length >= CSV_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function csvText(cell: ExportCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') return cell.local.toFormat('yyyy-MM-dd HH:mm:ss');
  return neutraliseFormula(cell);
}

/**
 * The XLSX file, written with exceljs's streaming writer into `out` row by row (no shared-strings table, so
 * nothing grows with the row count); it waits whenever `out` asks to, and ends `out`.
 */
export async function writeXlsx(
  rows: AsyncIterable<ExportedDelivery>,
  context: ExportContext,
  out: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(context.language === 'fr' ? 'Envois' : 'Deliveries', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = EXPORT_COLUMNS.map((column) => ({
    header: headerOf(column, context),
    width: column.width,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const delivery of rows) {
    const row = sheet.addRow(EXPORT_COLUMNS.map((column) => xlsxValue(column.value(delivery, context))));
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = XLSX_TIME_FORMAT;
    });
    row.commit();
    if (out.destroyed) throw new Error('the client went away during the export');
    if (out.writableNeedDrain) await drained(out);
  }
  sheet.commit();
  await workbook.commit();
}

/** Excel has no time zones: a time is stored as the clinic's wall-clock time. */
function xlsxValue(cell: ExportCell): string | number | Date | null {
  if (cell === null || cell === undefined || typeof cell !== 'object') return cell ?? null;
  return cell.local.setZone('UTC', { keepLocalTime: true }).toJSDate();
}

/** Resolves when `out` has room again, or is closed (the loop then stops on `destroyed`). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
