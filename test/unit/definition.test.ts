import { AddonError } from '../../src/core/errors';
import {
  DEFAULT_COLUMNS,
  resolveDateRange,
  validateReport,
} from '../../src/core/report/definition';

const valid = {
  id: 'r1',
  tabName: 'Pinterest Ads',
  adAccountIds: ['549755885175'],
  level: 'CAMPAIGN',
  columns: DEFAULT_COLUMNS,
  dateRange: { preset: 'LAST_30_DAYS' },
  granularity: 'DAY',
};

function fieldOf(input: unknown): string | undefined {
  try {
    validateReport(input);
    return undefined;
  } catch (error) {
    return (error as AddonError).field;
  }
}

describe('report validation', () => {
  it('accepts a complete report and fills the API’s attribution defaults', () => {
    expect(validateReport(valid).attribution).toEqual({
      clickWindowDays: 30,
      engagementWindowDays: 30,
      viewWindowDays: 1,
      conversionReportTime: 'TIME_OF_AD_ACTION',
    });
  });

  it('names the account field when no account is chosen', () => {
    expect(fieldOf({ ...valid, adAccountIds: [] })).toBe('adAccountIds');
  });

  it('names the date field when a custom range ends before it starts', () => {
    const dateRange = { preset: 'CUSTOM', startDate: '2026-11-10', endDate: '2026-11-01' };
    expect(fieldOf({ ...valid, dateRange })).toBe('dateRange');
  });

  it('rejects a date that does not exist', () => {
    const dateRange = { preset: 'CUSTOM', startDate: '2026-02-30', endDate: '2026-03-01' };
    expect(fieldOf({ ...valid, dateRange })).toBe('dateRange');
  });

  it('rejects a column the API does not offer, naming it', () => {
    expect(() => validateReport({ ...valid, columns: ['SPEND_IN_YEN'] })).toThrow(/SPEND_IN_YEN/);
  });

  it('rejects an attribution window the API does not accept', () => {
    expect(fieldOf({ ...valid, attribution: { clickWindowDays: 3 } })).toBe('attribution');
  });

  it('rejects a level that is not offered', () => {
    expect(fieldOf({ ...valid, level: 'KEYWORDS' })).toBe('level');
  });
});

describe('date presets', () => {
  it('takes the last 30 complete days, leaving today out', () => {
    expect(resolveDateRange({ preset: 'LAST_30_DAYS' }, '2026-12-04')).toEqual({
      start: '2026-11-04',
      end: '2026-12-03',
    });
  });

  it('takes the whole of last month', () => {
    expect(resolveDateRange({ preset: 'LAST_MONTH' }, '2026-03-15')).toEqual({
      start: '2026-02-01',
      end: '2026-02-28',
    });
  });

  it('takes yesterday alone', () => {
    expect(resolveDateRange({ preset: 'YESTERDAY' }, '2026-01-01')).toEqual({
      start: '2025-12-31',
      end: '2025-12-31',
    });
  });
});
