// Specification of how the runtime's Sheets reads values written by a script: strings are read
// like typed text unless the cell is plain text ('@'); other JS values keep their type.
import type { Runtime } from '../../dev/runtime/runtime';
import { gas, newRuntime } from './helpers';

let runtime: Runtime;
beforeAll(() => {
  runtime = newRuntime({ today: '2026-03-10' });
});
afterAll(() => runtime.dispose());

/** Writes one value to A1 of a fresh sheet (optionally formatted first) and reads it back. */
function roundTrip(value: unknown, format?: string) {
  return gas<{ value: unknown; formula: string; display: string; format: string; type: string }>(
    runtime,
    `
    var ss = SpreadsheetApp.getActive();
    var sheet = ss.insertSheet();
    var cell = sheet.getRange('A1');
    if (args.format) cell.setNumberFormat(args.format);
    cell.setValue(args.value);
    var v = cell.getValue();
    var out = {
      value: v instanceof Date ? 'date:' + v.toISOString() : v,
      formula: cell.getFormulas()[0][0],
      display: cell.getDisplayValues()[0][0],
      format: cell.getNumberFormat(),
      type: v instanceof Date ? 'date' : typeof v,
    };
    ss.deleteSheet(sheet);
    return out;
    `,
    { value, format },
  );
}

describe('strings are read like typed text', () => {
  test('an 18-digit Pinterest id keeps only 15 significant digits and becomes a number', () => {
    const cell = roundTrip('549755813888123456');
    expect(cell.type).toBe('number');
    expect(cell.value).toBe(549755813888123000);
    expect(String(cell.value)).not.toBe('549755813888123456');
  });

  test('the same id stays exact text in a plain-text (@) column', () => {
    expect(roundTrip('549755813888123456', '@')).toMatchObject({
      value: '549755813888123456',
      type: 'string',
    });
  });

  test('leading zeros are dropped from digit strings', () => {
    expect(roundTrip('00123').value).toBe(123);
  });

  test('=1+1 becomes a formula that is not evaluated (getValues reads it as "")', () => {
    expect(roundTrip('=1+1')).toMatchObject({ value: '', formula: '=1+1', display: '' });
  });

  test("a leading apostrophe keeps the rest as text: '=x is the text =x", () => {
    expect(roundTrip("'=x")).toMatchObject({ value: '=x', formula: '' });
    expect(roundTrip("'00123")).toMatchObject({ value: '00123', type: 'string' });
  });

  test('a Pin title starting with - that is not a number becomes a broken formula', () => {
    expect(roundTrip('-20% sale')).toMatchObject({ value: '', formula: '=-20% sale' });
  });

  test('strings starting with + or @ that are not numbers become formulas too', () => {
    expect(roundTrip('+1 more').formula).toBe('=+1 more');
    expect(roundTrip('@brand').formula).toBe('=@brand');
  });

  test('a lone minus sign, used for "no value", stays text', () => {
    expect(roundTrip('-')).toMatchObject({ value: '-', formula: '' });
  });

  test('signed numbers, decimals and exponents are numbers', () => {
    expect(roundTrip('-42').value).toBe(-42);
    expect(roundTrip('+7').value).toBe(7);
    expect(roundTrip('3.25').value).toBe(3.25);
    expect(roundTrip('.5').value).toBe(0.5);
    expect(roundTrip('1e3')).toMatchObject({ value: 1000, format: '0.00E+00' });
  });

  test('thousands separators are read and shown again', () => {
    expect(roundTrip('1,234')).toMatchObject({ value: 1234, format: '#,##0', display: '1,234' });
    expect(roundTrip('1,234,567.5').value).toBe(1234567.5);
    expect(roundTrip('12,34')).toMatchObject({ value: '12,34', type: 'string' });
  });

  test('percentages become fractions with a percent format', () => {
    expect(roundTrip('12%')).toMatchObject({ value: 0.12, format: '0%', display: '12%' });
    expect(roundTrip('1.1%').value).toBe(0.011);
  });

  test('dollar amounts become numbers with a currency format', () => {
    expect(roundTrip('$12.50')).toMatchObject({ value: 12.5, display: '$12.50' });
    expect(roundTrip('-$3').value).toBe(-3);
  });

  test('TRUE and false become booleans in any case', () => {
    expect(roundTrip('TRUE').value).toBe(true);
    expect(roundTrip('false').value).toBe(false);
  });

  test('3/4 becomes March 4 of the current year (en_US month/day)', () => {
    expect(roundTrip('3/4')).toMatchObject({
      type: 'date',
      value: 'date:2026-03-04T00:00:00.000Z',
    });
  });

  test('full dates and date-times become Dates shown in the typed shape', () => {
    expect(roundTrip('3/4/2026').value).toBe('date:2026-03-04T00:00:00.000Z');
    expect(roundTrip('2026-03-04')).toMatchObject({
      value: 'date:2026-03-04T00:00:00.000Z',
      display: '2026-03-04',
    });
    expect(roundTrip('2026-03-04 10:00').value).toBe('date:2026-03-04T10:00:00.000Z');
    expect(roundTrip('Mar 4, 2026').value).toBe('date:2026-03-04T00:00:00.000Z');
  });

  test('impossible dates stay text', () => {
    expect(roundTrip('2/30/2026')).toMatchObject({ value: '2/30/2026', type: 'string' });
  });

  test('in a plain-text column nothing is converted', () => {
    for (const text of ['=1+1', '3/4', '12%', 'TRUE', '-20% sale', "'x"]) {
      expect(roundTrip(text, '@')).toMatchObject({ value: text, formula: '', type: 'string' });
    }
  });

  test('other text stays exactly as written, spaces included', () => {
    expect(roundTrip('  Spring sale  ').value).toBe('  Spring sale  ');
  });
});

describe('non-string values keep their type', () => {
  test('numbers stay numbers without the 15-digit cut', () => {
    expect(roundTrip(1234567890123456).value).toBe(1234567890123456);
  });

  test('booleans stay booleans and null becomes empty', () => {
    expect(roundTrip(true).value).toBe(true);
    expect(roundTrip(null)).toMatchObject({ value: '', type: 'string' });
  });

  test('a Date stays a date and gets a date-time format where the format is automatic', () => {
    const written = gas<string[]>(
      runtime,
      `var s = SpreadsheetApp.getActive().insertSheet();
       s.getRange('A1').setNumberFormat('General');
       s.getRange('A1:B1').setValues([[new Date(Date.UTC(2026, 2, 4, 9)), new Date(0)]]);
       var v = s.getRange('A1:B1').getValues()[0];
       var f = s.getRange('A1:B1').getNumberFormats()[0];
       SpreadsheetApp.getActive().deleteSheet(s);
       return [v[0].toISOString(), v[1].toISOString(), f[0]];`,
    );
    expect(written).toEqual([
      '2026-03-04T09:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
      'M/d/yyyy H:mm:ss',
    ]);
  });

  test('number formats stay on the cell when its value changes', () => {
    const formats = gas<string[]>(
      runtime,
      `var s = SpreadsheetApp.getActive().insertSheet();
       var r = s.getRange('A1');
       r.setNumberFormat('@').setValue('001');
       r.setValue('=2');
       var out = [r.getNumberFormat(), r.getValue()];
       r.clearContent();
       out.push(r.getNumberFormat());
       SpreadsheetApp.getActive().deleteSheet(s);
       return out;`,
    );
    expect(formats).toEqual(['@', '=2', '@']);
  });

  test('a date format on a number makes getValues return a Date; a number format undoes it', () => {
    const read = gas<string[]>(
      runtime,
      `var s = SpreadsheetApp.getActive().insertSheet();
       var r = s.getRange('A1').setValue(46085);
       r.setNumberFormat('yyyy-mm-dd');
       var out = [r.getValue() instanceof Date, r.getDisplayValues()[0][0]];
       r.setNumberFormat('0.00');
       out.push(r.getValue(), r.getDisplayValues()[0][0]);
       SpreadsheetApp.getActive().deleteSheet(s);
       return out;`,
    );
    expect(read).toEqual([true, '2026-03-04', 46085, '46085.00']);
  });
});
