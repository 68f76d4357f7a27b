// Number formats: which ones show dates, the date serial numbers behind date cells (days since
// 1899-12-30 in the spreadsheet's time zone, UTC here), and a simple renderer for display values.

import { DAYS, MONTHS } from '../format-date';

const MS_PER_DAY = 86400000;
const EPOCH_OFFSET_DAYS = 25569;

export const GENERAL = 'General';
export const PLAIN_TEXT = '@';

export const serialToMs = (serial: number) => Math.round((serial - EPOCH_OFFSET_DAYS) * MS_PER_DAY);
export const msToSerial = (ms: number) => ms / MS_PER_DAY + EPOCH_OFFSET_DAYS;

/** Removes quoted text, [brackets] and escaped characters, which never carry date letters. */
function stripLiterals(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
}

/** Date, time, date-time and duration formats: their numbers come back from getValues as Dates. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === GENERAL || format === PLAIN_TEXT) return false;
  return /[dmyhs]/i.test(stripLiterals(format).replace(/General/gi, ''));
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Renders a date serial with a Sheets date pattern (yyyy, mmm, dd, h, mm, ss, AM/PM). */
export function formatDateSerial(serial: number, format: string): string {
  const date = new Date(serialToMs(serial));
  const tokens = format.match(/"[^"]*"|\\.|AM\/PM|am\/pm|A\/P|a\/p|([A-Za-z])\1*|./g) ?? [];
  const hasAmPm = tokens.some((token) => /^(AM\/PM|am\/pm|A\/P|a\/p)$/.test(token));
  const hours = date.getUTCHours();
  const kinds = tokens.map((token) => token[0].toLowerCase());
  return tokens
    .map((token, index) => {
      const kind = kinds[index];
      const n = token.length;
      if (token.startsWith('"')) return token.slice(1, -1);
      if (token.startsWith('\\')) return token.slice(1);
      if (/^(AM\/PM|am\/pm)$/.test(token)) return hours < 12 ? 'AM' : 'PM';
      if (/^(A\/P|a\/p)$/.test(token)) return hours < 12 ? 'A' : 'P';
      if (kind === 'y') {
        return n <= 2 ? pad(date.getUTCFullYear() % 100, 2) : String(date.getUTCFullYear());
      }
      if (kind === 'd') {
        if (n >= 4) return DAYS[date.getUTCDay()];
        if (n === 3) return DAYS[date.getUTCDay()].slice(0, 3);
        return pad(date.getUTCDate(), n);
      }
      if (kind === 'h') {
        const shown = hasAmPm ? hours % 12 || 12 : hours;
        return pad(shown, Math.min(n, 2));
      }
      if (kind === 's') return pad(date.getUTCSeconds(), Math.min(n, 2));
      if (kind === 'm') {
        const before = kinds
          .slice(0, index)
          .reverse()
          .find((k) => /[dmyhs]/.test(k));
        const after = kinds.slice(index + 1).find((k) => /[dmyhs]/.test(k));
        if (n <= 2 && (before === 'h' || after === 's')) return pad(date.getUTCMinutes(), n);
        if (n >= 4) return MONTHS[date.getUTCMonth()];
        if (n === 3) return MONTHS[date.getUTCMonth()].slice(0, 3);
        return pad(date.getUTCMonth() + 1, n);
      }
      return token;
    })
    .join('');
}

/** Sheets' automatic format: integers up to 15 digits as is, else about 10 significant digits. */
function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e15 || Math.abs(value) < 1e-9)) {
    const [mantissa, exponent] = value.toExponential(5).split('e');
    const trimmed = mantissa.replace(/\.?0+$/, '');
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${trimmed}E${sign}${pad(Math.abs(Number(exponent)), 2)}`;
  }
  return String(Number(value.toPrecision(10)));
}

function section(format: string, value: number): { pattern: string; negative: boolean } {
  const sections = format.match(/(?:"[^"]*"|\\.|[^;])+/g) ?? [format];
  if (value < 0 && sections.length > 1) return { pattern: sections[1], negative: false };
  return { pattern: sections[0], negative: value < 0 };
}

/** Numeric patterns: 0, #, grouping commas, decimals, %, E+00 and literal text around them. */
function formatNumberPattern(value: number, format: string): string {
  const { pattern, negative } = section(format, value);
  const core = /[#0?][#0?,]*(?:\.[#0?]*)?(?:[Ee][+-][0#]+)?|\.[#0?]+/.exec(
    pattern.replace(/"[^"]*"/g, (m) => '\u0000'.repeat(m.length)),
  );
  if (!core) return pattern.replace(/"([^"]*)"/g, '$1');
  const literal = (text: string) => text.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const prefix = literal(pattern.slice(0, core.index));
  const suffix = literal(pattern.slice(core.index + core[0].length));
  const percent = (prefix + suffix).includes('%');
  let amount = Math.abs(value) * (percent ? 100 : 1);
  const [mantissaPattern, exponentPattern] = core[0].split(/[Ee][+-]/);
  const [intPattern, fracPattern = ''] = mantissaPattern.split('.');
  const minDecimals = (fracPattern.match(/0/g) ?? []).length;
  const maxDecimals = fracPattern.length;
  let exponentText = '';
  if (exponentPattern !== undefined) {
    const exponent = amount === 0 ? 0 : Math.floor(Math.log10(amount));
    amount /= 10 ** exponent;
    exponentText = `E${exponent < 0 ? '-' : '+'}${pad(Math.abs(exponent), exponentPattern.length)}`;
  }
  let [intDigits, fracDigits = ''] = amount.toFixed(maxDecimals).split('.');
  while (fracDigits.length > minDecimals && fracDigits.endsWith('0'))
    fracDigits = fracDigits.slice(0, -1);
  const minInt = (intPattern.match(/0/g) ?? []).length;
  intDigits = intDigits.replace(/^0+/, '').padStart(minInt, '0');
  if (intPattern.includes(',')) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const number = intDigits + (fracDigits ? `.${fracDigits}` : '') + exponentText;
  return `${negative ? '-' : ''}${prefix}${number}${suffix}`;
}

/**
 * What getDisplayValues shows for a stored value under a number format.
 * Limitation: only the common patterns are rendered (0, #, grouping, decimals, %, E+00, literal
 * text, date/time letters); conditions, colours, fractions and locales are not.
 */
export function displayValue(value: string | number | boolean, format: string | undefined): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!format || format === GENERAL || format === PLAIN_TEXT) return formatGeneral(value);
  if (isDateFormat(format)) return formatDateSerial(value, format);
  return formatNumberPattern(value, format);
}
