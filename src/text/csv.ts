/**
 * Writing CSV for spreadsheets: the one writer `list --format csv` and `gap --format csv` use.
 * (Reading is src/load/csv.ts.) Pure: values in, text out.
 *
 * - Quoting follows RFC 4180: a field holding `"`, `,` or a line break is enclosed in double
 *   quotes, with `"` doubled. Records end with LF (every spreadsheet reads it; RFC 4180 says CRLF).
 * - Every text value is sanitised first (sanitizeBlock: escapes, controls, bidi controls removed;
 *   a CSV file is also read in terminals).
 * - Formula neutralisation (OWASP "CSV injection"): a TEXT cell whose value starts with `=`, `+`,
 *   `-`, `@`, a tab or a carriage return, or with spaces and then one of `=+-@` (checked before
 *   and after sanitising), gets a leading `'`, so
 *   Excel, LibreOffice and Google Sheets show it as text instead of running it as a formula.
 *   Values that are numbers in the model (`year`, `stale_after_months`, `age_months`, including a
 *   negative age) are written as plain numbers and stay numeric; booleans are `true`/`false`; a
 *   missing value is an empty cell. A number that arrives as a string is text and is neutralised.
 * - `bom: true` writes U+FEFF first, so Excel opens the file as UTF-8 and shows Hangul.
 */
import { sanitizeBlock } from './sanitize.js';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * A cell a spreadsheet may run as a formula: starting with `=`, `+`, `-`, `@`, a tab or a CR, or
 * with spaces before `=`, `+`, `-` or `@` (sanitising turns a leading tab into spaces).
 */
const FORMULA_START = /^(?:[=+\-@\t\r]|\s+[=+\-@])/;

/** The byte-order mark `--bom` writes first. */
export const BOM = '\ufeff';

/** One CSV field: sanitised, neutralised when it is text a spreadsheet would run, quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = sanitizeBlock(value);
  if (FORMULA_START.test(value) || FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: the header row, then one record per row; LF line ends; BOM first when asked. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `${options.bom ? BOM : ''}${lines.join('\n')}\n`;
}
