import { DEFAULT_ATTRIBUTION, type ReportDefinition } from '../../src/core/report/definition';
import { mergeRows, shapeTable } from '../../src/core/report/shape';
import type { AnalyticsRequest } from '../../src/core/pinterest/types';

const definition: ReportDefinition = {
  id: 'r1',
  tabName: 'Pinterest',
  adAccountIds: ['111', '222', '333'],
  level: 'CAMPAIGN',
  columns: ['SPEND_IN_MICRO_DOLLAR', 'PAID_IMPRESSION', 'CTR'],
  dateRange: { preset: 'LAST_7_DAYS' },
  granularity: 'DAY',
  attribution: DEFAULT_ATTRIBUTION,
};

const accounts = new Map([
  ['111', { id: '111', name: 'US shop', currency: 'USD' }],
  ['222', { id: '222', name: 'Boutique', currency: 'EUR' }],
  ['333', { id: '333', name: '東京', currency: 'JPY' }],
]);
const CAMPAIGN = '687194767360000123';
const entities = new Map([[CAMPAIGN, { id: CAMPAIGN, name: '=SUM(A1)', status: 'ARCHIVED' }]]);

function shape(rows: { adAccountId: string; row: Record<string, unknown> }[]) {
  return shapeTable({
    definition,
    startDate: '2026-11-27',
    endDate: '2026-12-03',
    provisionalFrom: '2026-11-30',
    accounts,
    entities,
    rows,
  });
}

describe('report shaping', () => {
  it('divides micro-unit spend into each account’s own currency units', () => {
    const table = shape([
      {
        adAccountId: '111',
        row: { DATE: '2026-11-30', CAMPAIGN_ID: CAMPAIGN, SPEND_IN_MICRO_DOLLAR: 12_340_000 },
      },
      {
        adAccountId: '222',
        row: { DATE: '2026-11-30', CAMPAIGN_ID: CAMPAIGN, SPEND_IN_MICRO_DOLLAR: 5_000_000 },
      },
      {
        adAccountId: '333',
        row: { DATE: '2026-11-30', CAMPAIGN_ID: CAMPAIGN, SPEND_IN_MICRO_DOLLAR: 1_500_000_000 },
      },
    ]);
    expect(table.rows.map((row) => [row[3], row[7]])).toEqual([
      ['USD', 12.34],
      ['EUR', 5],
      ['JPY', 1500],
    ]);
  });

  it('keeps an 18-digit campaign id as the exact string', () => {
    const table = shape([
      {
        adAccountId: '111',
        row: { DATE: '2026-11-30', CAMPAIGN_ID: CAMPAIGN, PAID_IMPRESSION: 3 },
      },
    ]);
    expect(table.rows[0][4]).toBe('687194767360000123');
  });

  it('joins the campaign’s name and status, text untouched', () => {
    const table = shape([
      {
        adAccountId: '111',
        row: { DATE: '2026-11-30', CAMPAIGN_ID: CAMPAIGN, PAID_IMPRESSION: 3 },
      },
    ]);
    expect(table.rows[0].slice(4, 7)).toEqual([CAMPAIGN, '=SUM(A1)', 'ARCHIVED']);
  });

  it('fills a missing count with 0 and leaves a missing ratio blank', () => {
    const table = shape([
      { adAccountId: '111', row: { DATE: '2026-11-30', CAMPAIGN_ID: CAMPAIGN } },
    ]);
    expect(table.rows[0].slice(7, 10)).toEqual([0, 0, null]);
  });

  it('sorts rows by date, then account, then campaign', () => {
    const table = shape([
      { adAccountId: '222', row: { DATE: '2026-11-29', CAMPAIGN_ID: '2' } },
      { adAccountId: '111', row: { DATE: '2026-11-30', CAMPAIGN_ID: '1' } },
      { adAccountId: '111', row: { DATE: '2026-11-29', CAMPAIGN_ID: '3' } },
    ]);
    expect(table.rows.map((row) => `${row[0]} ${row[1]} ${row[4]}`)).toEqual([
      '2026-11-29 111 3',
      '2026-11-29 222 2',
      '2026-11-30 111 1',
    ]);
  });

  it('marks rows inside the lookback provisional and older ones final', () => {
    const table = shape([
      { adAccountId: '111', row: { DATE: '2026-11-29', CAMPAIGN_ID: CAMPAIGN } },
      { adAccountId: '111', row: { DATE: '2026-11-30', CAMPAIGN_ID: CAMPAIGN } },
    ]);
    expect(table.columns.at(-1)?.header).toBe('Data status');
    expect(table.rows.map((row) => row.at(-1))).toEqual(['final', 'provisional']);
  });

  it('labels the date column as UTC', () => {
    expect(shape([]).columns[0].header).toBe('Date (UTC)');
  });
});

describe('merging rows of column-split requests', () => {
  const base: AnalyticsRequest = {
    adAccountId: '111',
    level: 'CAMPAIGN',
    ids: ['1'],
    startDate: '2026-11-01',
    endDate: '2026-11-02',
    columns: [],
    granularity: 'DAY',
    attribution: DEFAULT_ATTRIBUTION,
  };

  it('joins the halves of a row that two requests returned', () => {
    const merged = mergeRows(
      [
        { ...base, columns: ['PAID_IMPRESSION'] },
        { ...base, columns: ['CTR'] },
      ],
      [
        [{ DATE: '2026-11-01', CAMPAIGN_ID: '1', PAID_IMPRESSION: 10 }],
        [{ DATE: '2026-11-01', CAMPAIGN_ID: '1', CTR: 0.5 }],
      ],
    );
    expect(merged).toEqual([
      {
        adAccountId: '111',
        row: { DATE: '2026-11-01', CAMPAIGN_ID: '1', PAID_IMPRESSION: 10, CTR: 0.5 },
      },
    ]);
  });

  it('keeps rows of different days apart', () => {
    const merged = mergeRows(
      [base],
      [
        [
          { DATE: '2026-11-01', CAMPAIGN_ID: '1' },
          { DATE: '2026-11-02', CAMPAIGN_ID: '1' },
        ],
      ],
    );
    expect(merged).toHaveLength(2);
  });
});
