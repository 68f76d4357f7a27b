// How Sheets turns what a script writes into a cell (locale en_US): strings are read like typed
// text (formulas, numbers with 15 significant digits, percentages, currency, booleans, dates)
// unless the cell is plain text ('@'); other JS values keep their type.
import { isDate } from '../env';
import { msToSerial, PLAIN_TEXT } from './number-format';

export type CellValue = string | number | boolean;

/** A cell's new content; `format` is applied only where the cell has no number format yet. */
export interface Written {
  value: CellValue;
  formula?: string;
  format?: string;
}

// Limitation: digits past the 15th become zeros (as Excel documents); whether Sheets truncates or
// rounds the 15th digit is unverified.
const SIGNIFICANT_DIGITS = 15;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|' +
  'sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:\\s*([ap]m))?';
const ISO_DATE = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:\\s+${TIME})?$`);
const US_DATE = new RegExp(`^(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?:\\s+${TIME})?$`);
const DASH_DATE = /^(\d{1,2})-(\d{1,2})(?:-(\d{4}))?$/;
const MONTH_DAY = new RegExp(`^${MONTH_NAME}\\.?\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?$`);
const DAY_MONTH = new RegExp(`^(\\d{1,2})[\\s-]${MONTH_NAME}\\.?(?:[\\s,-]+(\\d{4}))?$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);

/** Keeps the first 15 significant digits and turns the rest into zeros, as Sheets stores them. */
function toSheetsNumber(digits: string, exponent: number): number {
  const significant = digits.replace(/^0+/, '');
  if (significant === '') return 0;
  const kept =
    significant.length > SIGNIFICANT_DIGITS
      ? significant.slice(0, SIGNIFICANT_DIGITS) +
        '0'.repeat(significant.length - SIGNIFICANT_DIGITS)
      : significant;
  return Number(`${kept}e${exponent}`);
}

const NUMBER =
  /^([+-]?)(\$?)([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%?)$/;

function parseNumber(text: string): Written | null {
  const match = NUMBER.exec(text);
  if (!match) return null;
  const [, sign1, dollar, sign2, mantissa, exponentText, percent] = match;
  if (sign1 && sign2) return null;
  if ((dollar || percent) && exponentText !== undefined) return null;
  if (dollar && percent) return null;
  if (sign2 && !dollar) return null;
  const grouped = mantissa.includes(',');
  if (grouped && exponentText !== undefined) return null;
  const [intPart, fracPart = ''] = mantissa.replace(/,/g, '').split('.');
  const exponent = Number(exponentText ?? 0) - fracPart.length - (percent ? 2 : 0);
  const magnitude = toSheetsNumber(intPart + fracPart, exponent);
  const value = sign1 === '-' || sign2 === '-' ? -magnitude : magnitude;
  let format: string | undefined;
  if (percent) format = fracPart ? '0.00%' : '0%';
  else if (dollar) format = '"$"#,##0.00';
  else if (exponentText !== undefined) format = '0.00E+00';
  else if (grouped) format = fracPart ? '#,##0.00' : '#,##0';
  return { value: value === 0 ? 0 : value, format };
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Two-digit years: 00-29 are 2000s, 30-99 are 1900s. */
const fullYear = (text: string) => {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
};

function dateSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return msToSerial(Date.UTC(year, month - 1, day));
}

/** Fraction of a day for 'H:mm', 'H:mm:ss' or 'h:mm AM'; null when out of range. */
function timeFraction(h: string, m: string, s: string | undefined, ampm: string | undefined) {
  let hours = Number(h);
  const minutes = Number(m);
  const seconds = Number(s ?? 0);
  if (ampm) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return (hours * 3600 + minutes * 60 + seconds) / 86400;
}

const timeFormat = (seconds: string | undefined, ampm: string | undefined) =>
  (ampm ? 'h:mm' : 'H:mm') + (seconds ? ':ss' : '') + (ampm ? ' AM/PM' : '');

function withTime(serial: number | null, format: string, time: string[] | null): Written | null {
  if (serial === null) return null;
  if (!time || time[0] === undefined) return { value: serial, format };
  const fraction = timeFraction(time[0], time[1], time[2], time[3]);
  if (fraction === null) return null;
  return { value: serial + fraction, format: `${format} ${timeFormat(time[2], time[3])}` };
}

function parseDate(text: string, currentYear: number): Written | null {
  const t = text.toLowerCase();
  let m = ISO_DATE.exec(t);
  if (m) return withTime(dateSerial(+m[1], +m[2], +m[3]), 'yyyy-mm-dd', m.slice(4, 8));
  m = US_DATE.exec(t);
  if (m) {
    const year = m[3] === undefined ? currentYear : fullYear(m[3]);
    const format = m[3] === undefined ? 'M/d' : 'M/d/yyyy';
    return withTime(dateSerial(year, +m[1], +m[2]), format, m.slice(4, 8));
  }
  m = DASH_DATE.exec(t);
  if (m) {
    const year = m[3] === undefined ? currentYear : Number(m[3]);
    return withTime(dateSerial(year, +m[1], +m[2]), m[3] ? 'M/d/yyyy' : 'M/d', null);
  }
  m = MONTH_DAY.exec(t);
  if (m) {
    const year = m[3] === undefined ? currentYear : Number(m[3]);
    const month = MONTHS.indexOf(m[1].slice(0, 3)) + 1;
    return withTime(dateSerial(year, month, +m[2]), 'mmm d, yyyy', null);
  }
  m = DAY_MONTH.exec(t);
  if (m) {
    const year = m[3] === undefined ? currentYear : Number(m[3]);
    const month = MONTHS.indexOf(m[2].slice(0, 3)) + 1;
    return withTime(dateSerial(year, month, +m[1]), 'd mmm yyyy', null);
  }
  m = TIME_ONLY.exec(t);
  if (m) {
    const fraction = timeFraction(m[1], m[2], m[3], m[4]);
    return fraction === null ? null : { value: fraction, format: timeFormat(m[3], m[4]) };
  }
  return null;
}

/** Reads a string the way Sheets reads text typed into a cell that is not plain text. */
export function parseTypedText(text: string, currentYear: number): Written {
  if (text === '') return { value: '' };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=')) return { value: '', formula: text };
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const parsed = parseNumber(trimmed) ?? parseDate(trimmed, currentYear);
  if (parsed) return parsed;
  // A lone sign is kept as text; otherwise a leading +, - or @ starts a formula.
  if (/^[+\-@]/.test(text) && text !== '-' && text !== '+') {
    return { value: '', formula: `=${text}` };
  }
  return { value: text };
}

/** What a script value becomes in a cell with the given number format. */
export function fromScript(
  value: unknown,
  format: string | undefined,
  currentYear: number,
): Written {
  if (value === null || value === undefined) return { value: '' };
  if (typeof value === 'boolean') return { value };
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { value: '#NUM!' };
  if (isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { value: '#NUM!' };
    return { value: msToSerial(ms), format: 'M/d/yyyy H:mm:ss' };
  }
  const text = String(value);
  if (format === PLAIN_TEXT) return { value: text };
  return parseTypedText(text, currentYear);
}
