// The generated world and its analytics ground truth, without the HTTP server: what the
// integration tests compare the add-on's sheet against must itself be right.

import { SYNC_COLUMNS } from '../../dev/sandbox/sync-columns';
import { createWorld } from '../../dev/sandbox/world';
import type { Level } from '../../dev/sandbox/columns';
import { TODAY, addDays } from './support';

const world = createWorld({ seed: 1, today: TODAY });
const usd = world.adAccounts.find((a) => a.currency === 'USD')!;
const jpy = world.adAccounts.find((a) => a.currency === 'JPY')!;
const START = addDays(TODAY, -90);
const END = addDays(TODAY, -1);

function idsOf(level: Exclude<Level, 'AD_ACCOUNT'>, accountId: string): string[] {
  const list = { CAMPAIGN: world.campaigns, AD_GROUP: world.adGroups, AD: world.ads }[level];
  return list.filter((e) => e.ad_account_id === accountId).map((e) => e.id);
}

function sumOf(rows: Array<Record<string, unknown>>, column: string): number {
  return rows.reduce((total, row) => total + Number(row[column] ?? 0), 0);
}

describe('the generated world', () => {
  it('is the same for the same seed and different for another seed', () => {
    const again = createWorld({ seed: 1, today: TODAY });
    const other = createWorld({ seed: 2, today: TODAY });
    expect(again.ads.map((ad) => ad.id)).toEqual(world.ads.map((ad) => ad.id));
    expect(other.ads.map((ad) => ad.id)).not.toEqual(world.ads.map((ad) => ad.id));
  });

  it('has USD, EUR, JPY and GBP ad accounts with digit-string ids', () => {
    expect(world.adAccounts.map((a) => a.currency).sort()).toEqual(['EUR', 'GBP', 'JPY', 'USD']);
    for (const account of world.adAccounts) expect(account.id).toMatch(/^[1-9]\d{11,17}$/);
  });

  it('gives ads 18-digit ids beyond 2^53, which a JS number would corrupt', () => {
    for (const ad of world.ads) {
      expect(ad.id).toMatch(/^\d{18}$/);
      expect(BigInt(ad.id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    }
    const corrupted = world.ads.filter((ad) => String(Number(ad.id)) !== ad.id);
    expect(corrupted.length).toBeGreaterThan(world.ads.length / 2);
  });

  it('keeps the size modest and every status at every level', () => {
    expect(world.ads.length).toBeLessThanOrEqual(200);
    for (const list of [world.campaigns, world.adGroups, world.ads]) {
      const statuses = new Set(list.map((e) => e.status));
      expect([...statuses].sort()).toEqual(['ACTIVE', 'ARCHIVED', 'PAUSED']);
    }
  });

  it('names campaigns with commas, quotes, formulas, emoji and right-to-left text', () => {
    const names = world.campaigns.map((c) => c.name);
    for (const name of [
      '=HYPERLINK("http://x")',
      '+1 promo',
      '-20% sale',
      '@home',
      '3/4 Spring',
      '00012345678901234567',
      'Spring Sale, Garden & Patio',
      'The "Best" Summer Deals',
      '🌷 Tulip Week 🌷',
      'تخفيضات الربيع',
      'מבצע קיץ',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('grows with scale', () => {
    const bigger = createWorld({ seed: 1, today: TODAY, scale: 2 });
    expect(bigger.campaigns.length).toBeGreaterThan(world.campaigns.length);
  });
});

describe('analyticsRows', () => {
  it('makes campaign, ad group and ad sums add up to the account, day by day', () => {
    const columns = ['SPEND_IN_MICRO_DOLLAR', 'TOTAL_CLICKTHROUGH', 'TOTAL_CONVERSIONS'];
    const account = world.analyticsRows('AD_ACCOUNT', usd.id, [], START, END, 'DAY', columns);
    expect(account.length).toBeGreaterThan(30);
    for (const level of ['CAMPAIGN', 'AD_GROUP', 'AD'] as const) {
      const rows = world.analyticsRows(
        level,
        usd.id,
        idsOf(level, usd.id),
        START,
        END,
        'DAY',
        columns,
      );
      for (const column of columns) expect(sumOf(rows, column)).toBe(sumOf(account, column));
      const day = account[10].DATE;
      const ofDay = rows.filter((row) => row.DATE === day);
      expect(sumOf(ofDay, 'SPEND_IN_MICRO_DOLLAR')).toBe(account[10].SPEND_IN_MICRO_DOLLAR);
    }
  });

  it('computes SPEND_IN_DOLLAR, CTR and CPC from the bucket sums', () => {
    const [row] = world.analyticsRows('AD_ACCOUNT', jpy.id, [], START, END, 'TOTAL', [
      'SPEND_IN_MICRO_DOLLAR',
      'SPEND_IN_DOLLAR',
      'TOTAL_CLICKTHROUGH',
      'PAID_IMPRESSION',
      'CTR',
      'CPC_IN_MICRO_DOLLAR',
      'CPM_IN_MICRO_DOLLAR',
      'CHECKOUT_ROAS',
      'TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
    ]);
    const spend = row.SPEND_IN_MICRO_DOLLAR as number;
    expect(Number.isInteger(spend)).toBe(true);
    expect(row.SPEND_IN_DOLLAR).toBe(spend / 1e6);
    expect(row.CTR).toBeCloseTo(
      (row.TOTAL_CLICKTHROUGH as number) / (row.PAID_IMPRESSION as number),
      12,
    );
    expect(row.CPC_IN_MICRO_DOLLAR).toBeCloseTo(spend / (row.TOTAL_CLICKTHROUGH as number), 6);
    expect(row.CPM_IN_MICRO_DOLLAR).toBeCloseTo(
      (spend / (row.PAID_IMPRESSION as number)) * 1000,
      4,
    );
    expect(row.CHECKOUT_ROAS).toBeCloseTo(
      (row.TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR as number) / spend,
      12,
    );
    expect(row).not.toHaveProperty('DATE');
  });

  it('answers every one of the 175 sync columns at the ad level', () => {
    expect(SYNC_COLUMNS).toHaveLength(175);
    const ids = idsOf('AD', usd.id);
    const rows = world.analyticsRows('AD', usd.id, ids, START, END, 'TOTAL', [...SYNC_COLUMNS]);
    const seen = new Set(rows.flatMap((row) => Object.keys(row)));
    // Columns the sandbox has no data for are left out, as Pinterest leaves out empty values.
    const absent = [
      'CAMPAIGN_BRAND_LABEL',
      'ORDER_LINE_ID',
      'ORDER_LINE_NAME',
      'PROMO_ID',
      'PROMO_NAME',
      'PRODUCT_GROUP_AD_IMAGE_TAG',
      'PRODUCT_GROUP_AD_VIDEO_TAG',
    ];
    expect(SYNC_COLUMNS.filter((column) => !seen.has(column)).sort()).toEqual(absent.sort());
  });

  it('labels WEEK rows with the Monday and MONTH rows with the first of the month', () => {
    const week = world.analyticsRows('AD_ACCOUNT', usd.id, [], '2026-11-04', '2026-11-30', 'WEEK', [
      'SPEND_IN_MICRO_DOLLAR',
    ]);
    expect(week.map((row) => row.DATE)).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    const days = world.analyticsRows('AD_ACCOUNT', usd.id, [], '2026-11-04', '2026-11-08', 'DAY', [
      'SPEND_IN_MICRO_DOLLAR',
    ]);
    // The first week holds only the requested days (Wednesday to Sunday).
    expect(week[0].SPEND_IN_MICRO_DOLLAR).toBe(sumOf(days, 'SPEND_IN_MICRO_DOLLAR'));
    const month = world.analyticsRows(
      'AD_ACCOUNT',
      usd.id,
      [],
      '2026-10-15',
      '2026-11-30',
      'MONTH',
      ['SPEND_IN_MICRO_DOLLAR'],
    );
    expect(month.map((row) => row.DATE)).toEqual(['2026-10-01', '2026-11-01']);
  });

  it('has no row for a day without delivery nor before an ad was created', () => {
    const ad = world.ads.find((a) => a.status === 'ACTIVE' && a.ad_account_id === usd.id)!;
    const rows = world.analyticsRows('AD', usd.id, [ad.id], START, END, 'DAY', [
      'SPEND_IN_MICRO_DOLLAR',
      'PAID_IMPRESSION',
    ]);
    const created = new Date(Number(ad.created_time) * 1000).toISOString().slice(0, 10);
    expect(rows.every((row) => String(row.DATE) >= created)).toBe(true);
    expect(rows.length).toBeLessThan(90);
    expect(rows.every((row) => Number(row.PAID_IMPRESSION) > 0)).toBe(true);
  });

  it('attributes fewer conversions to a 1-day click window, consistently across levels', () => {
    const columns = ['TOTAL_CLICK_CHECKOUT', 'TOTAL_CONVERSIONS'];
    const short = { attribution: { clickWindowDays: 1 } };
    const full = world.analyticsRows('AD_ACCOUNT', usd.id, [], START, END, 'TOTAL', columns);
    const account = world.analyticsRows(
      'AD_ACCOUNT',
      usd.id,
      [],
      START,
      END,
      'TOTAL',
      columns,
      short,
    );
    const ads = world.analyticsRows(
      'AD',
      usd.id,
      idsOf('AD', usd.id),
      START,
      END,
      'TOTAL',
      columns,
      short,
    );
    expect(account[0].TOTAL_CLICK_CHECKOUT).toBeLessThan(full[0].TOTAL_CLICK_CHECKOUT as number);
    expect(sumOf(ads, 'TOTAL_CLICK_CHECKOUT')).toBe(account[0].TOTAL_CLICK_CHECKOUT);
    expect(sumOf(ads, 'TOTAL_CONVERSIONS')).toBe(account[0].TOTAL_CONVERSIONS);
  });

  it('leaves attributes of lower levels out of campaign rows', () => {
    const ids = idsOf('CAMPAIGN', usd.id);
    const rows = world.analyticsRows('CAMPAIGN', usd.id, ids, START, END, 'TOTAL', [
      'CAMPAIGN_NAME',
      'AD_NAME',
      'SPEND_IN_DOLLAR',
    ]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).not.toHaveProperty('AD_NAME');
      expect(row.CAMPAIGN_NAME).toBe(world.entity('CAMPAIGN', String(row.CAMPAIGN_ID))!.name);
    }
  });

  it('throws a 404 naming ids that belong to another ad account', () => {
    const foreign = idsOf('CAMPAIGN', jpy.id)[0];
    expect(() =>
      world.analyticsRows('CAMPAIGN', usd.id, [foreign], START, END, 'DAY', ['SPEND_IN_DOLLAR']),
    ).toThrow(expect.objectContaining({ status: 404, message: expect.stringContaining(foreign) }));
  });
});
