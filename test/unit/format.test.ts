import { numberFormat, toSheetWrite, TEXT_FORMAT } from '../../src/core/sheet/format';
import type { Table } from '../../src/core/report/shape';

const table: Table = {
  columns: [
    { header: 'Date (UTC)', kind: 'date' },
    { header: 'Campaign ID', kind: 'id' },
    { header: 'Campaign name', kind: 'text' },
    { header: 'Spend', kind: 'money_micro', column: 'SPEND_IN_MICRO_DOLLAR' },
    { header: 'CTR', kind: 'ratio', column: 'CTR' },
  ],
  rows: [
    ['2026-11-30', '687194767360000123', '+1 promo', 1500, null],
    ['2026-11-30', '12', '3/4 Spring', 12.5, 0.02],
  ],
  currencies: ['JPY', 'USD'],
};

describe('sheet write', () => {
  it('formats id and text cells as plain text so Sheets keeps them as sent', () => {
    const write = toSheetWrite(table);
    expect(write.numberFormats[0][1]).toBe(TEXT_FORMAT);
    expect(write.numberFormats[1][2]).toBe(TEXT_FORMAT);
    expect(write.rows[0][2]).toBe('+1 promo');
  });

  it('shows yen without decimals and dollars with two', () => {
    const write = toSheetWrite(table);
    expect(write.numberFormats[0][3]).toBe('#,##0');
    expect(write.numberFormats[1][3]).toBe('#,##0.00');
  });

  it('writes a blank cell for a missing ratio', () => {
    expect(toSheetWrite(table).rows[0][4]).toBe('');
  });

  it('freezes the header row', () => {
    const write = toSheetWrite(table);
    expect(write.frozenRows).toBe(1);
    expect(write.header[0]).toBe('Date (UTC)');
  });

  it('refuses a text longer than a Sheets cell holds', () => {
    const long: Table = { ...table, rows: [['2026-11-30', '1', 'x'.repeat(50_001), 1, 1]] };
    expect(() => toSheetWrite(long)).toThrow(/50,000 characters/);
  });

  it('shows ratios as percentages', () => {
    expect(numberFormat('ratio', 'USD')).toBe('0.00%');
  });
});
