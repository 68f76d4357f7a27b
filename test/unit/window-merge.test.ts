import { DEFAULT_ATTRIBUTION, type ReportDefinition } from '../../src/core/report/definition';
import { mergeTable } from '../../src/core/report/merge';
import { tableColumns, type Table } from '../../src/core/report/shape';
import { defaultLookbackDays, refreshWindow, shapeKey } from '../../src/core/report/window';

const report: ReportDefinition = {
  id: 'r1',
  tabName: 'Campaigns',
  adAccountIds: ['111'],
  level: 'CAMPAIGN',
  columns: ['SPEND_IN_MICRO_DOLLAR'],
  dateRange: { preset: 'LAST_30_DAYS' },
  granularity: 'DAY',
  attribution: DEFAULT_ATTRIBUTION,
};

describe('lookback', () => {
  it('covers a 30-day click window plus 3 settling days when conversions count on the ad day', () => {
    expect(defaultLookbackDays(DEFAULT_ATTRIBUTION)).toBe(33);
  });

  it('is just the settling days when conversions count on the conversion day', () => {
    const attribution = {
      ...DEFAULT_ATTRIBUTION,
      conversionReportTime: 'TIME_OF_CONVERSION' as const,
    };
    expect(defaultLookbackDays(attribution)).toBe(3);
  });

  it('pulls the whole range on the first refresh', () => {
    expect(refreshWindow(report, '2026-12-04', undefined)).toMatchObject({
      start: '2026-11-04',
      end: '2026-12-03',
      rebuild: true,
    });
  });

  it('pulls only the lookback once the tab holds the same shape', () => {
    const short = { ...report, lookbackDays: 5 };
    const previous = { shapeKey: shapeKey(short), dataFrom: '2026-11-04' };
    expect(refreshWindow(short, '2026-12-04', previous)).toMatchObject({
      start: '2026-11-29',
      end: '2026-12-03',
      rebuild: false,
    });
  });

  it('still re-pulls days that left a short range, so they settle', () => {
    const thisMonth = { ...report, dateRange: { preset: 'THIS_MONTH' as const }, lookbackDays: 3 };
    const previous = { shapeKey: shapeKey(thisMonth), dataFrom: '2026-09-01' };
    expect(refreshWindow(thisMonth, '2026-10-02', previous)).toMatchObject({
      start: '2026-09-29',
      end: '2026-10-01',
    });
  });

  it('rebuilds when the fields change', () => {
    const changed = { ...report, columns: ['PAID_IMPRESSION'] };
    const previous = { shapeKey: shapeKey(report), dataFrom: '2026-11-04' };
    expect(refreshWindow(changed, '2026-12-04', previous).rebuild).toBe(true);
  });

  it('leaves a week alone when the API no longer reaches its Monday', () => {
    const weekly = {
      ...report,
      dateRange: { preset: 'LAST_90_DAYS' as const },
      granularity: 'WEEK' as const,
      lookbackDays: 90,
    };
    const previous = { shapeKey: shapeKey(weekly), dataFrom: '2026-09-05' };
    const window = refreshWindow(weekly, '2026-12-04', previous);
    // 90 days back is Saturday 2026-09-05; that week's Monday is out of reach.
    expect(window.start).toBe('2026-09-07');
  });

  it('starts a weekly window on a Monday so no week is pulled in part', () => {
    const weekly = { ...report, granularity: 'WEEK' as const, lookbackDays: 3 };
    const previous = { shapeKey: shapeKey(weekly), dataFrom: '2026-11-04' };
    const window = refreshWindow(weekly, '2026-12-04', previous);
    expect(window.start).toBe('2026-11-30');
  });
});

describe('merging a refresh into the tab', () => {
  const columns = tableColumns(report);
  const header = columns.map((column) => column.header);
  const row = (date: string, campaign: string, spend: number, status = 'final') => [
    date,
    '111',
    'Shop',
    'USD',
    campaign,
    'Name',
    'ACTIVE',
    spend,
    status,
  ];
  const fresh = (rows: unknown[][]): Table => ({
    columns,
    rows: rows as Table['rows'],
    currencies: rows.map(() => 'USD'),
  });
  const window = { start: '2026-12-02', end: '2026-12-03' };

  it('replaces rows inside the window, keeps older ones, and duplicates nothing', () => {
    const existing = [
      header,
      row('2026-12-03', '1', 5, 'provisional'),
      row('2026-08-01', '1', 1),
      row('2026-12-02', '1', 4, 'provisional'),
    ];
    const merged = mergeTable({
      existing,
      fresh: fresh([row('2026-12-02', '1', 4.5, 'provisional'), row('2026-12-03', '1', 6)]),
      level: 'CAMPAIGN',
      window,
    });
    expect(merged.rows.map((r) => [r[0], r[7]])).toEqual([
      ['2026-08-01', 1],
      ['2026-12-02', 4.5],
      ['2026-12-03', 6],
    ]);
  });

  it('drops a row inside the window that the refresh no longer returns', () => {
    const merged = mergeTable({
      existing: [header, row('2026-12-02', '9', 3)],
      fresh: fresh([]),
      level: 'CAMPAIGN',
      window,
    });
    expect(merged.rows).toEqual([]);
  });

  it('does not care how the tab was sorted by hand', () => {
    const sorted = [header, row('2026-11-01', '2', 1), row('2026-10-01', '1', 2)];
    const merged = mergeTable({ existing: sorted, fresh: fresh([]), level: 'CAMPAIGN', window });
    expect(merged.rows.map((r) => r[0])).toEqual(['2026-10-01', '2026-11-01']);
  });

  it('starts afresh when the tab’s header is not this report’s', () => {
    const merged = mergeTable({
      existing: [['Something else'], ['x']],
      fresh: fresh([row('2026-12-02', '1', 1)]),
      level: 'CAMPAIGN',
      window,
    });
    expect(merged.rows).toHaveLength(1);
  });
});
