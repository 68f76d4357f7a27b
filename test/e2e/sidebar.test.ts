// The sidebar in a real browser: headless Chromium drives the local playground, where the real
// Sidebar.html talks to the built bundle in the local runtime, which talks to the sandbox.
// Screenshots of each step are saved under out/e2e/.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { addDays } from '../../src/core/dates';
import { DEFAULT_COLUMNS } from '../../src/core/report/definition';
import { createWorld } from '../../dev/sandbox/world';
import { startPlayground, type Playground } from '../../dev/playground/server';
import { startSandboxProcess, type SandboxProcess } from '../../dev/local/sandbox-process';
import { createRuntime, type Runtime } from '../../dev/runtime/runtime';
import { launchBrowser } from '../support/browser';
import { BUNDLE, ROOT } from '../support/local';

const TODAY = '2026-12-04';
const SHOTS = join(ROOT, 'out', 'e2e');
const world = createWorld({ seed: 1, today: TODAY });

let sandbox: SandboxProcess;
let playground: Playground & { runtime: Runtime };
let browser: BrowserContext;
let page: Page;
let sidebar: FrameLocator;
/** Every answer the sidebar received from the server. */
const answers: Promise<string>[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  sandbox = await startSandboxProcess(ROOT, { today: TODAY, seed: 1, autoConsent: false });
  playground = await startPlayground({
    root: ROOT,
    makeRuntime: (userCallbackUrl) =>
      createRuntime({
        bundlePath: BUNDLE,
        today: TODAY,
        userCallbackUrl,
        scriptProperties: {
          PINTEREST_CLIENT_ID: '1484200000000001',
          PINTEREST_CLIENT_SECRET: 'sandbox-secret',
          PINTEREST_API_BASE_URL: `${sandbox.url}/v5`,
          PINTEREST_AUTHORIZE_URL: `${sandbox.url}/oauth/`,
        },
      }),
  });
  browser = await launchBrowser();
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('response', (response) => {
    if (response.url().endsWith('/rpc')) answers.push(response.text());
  });
  await page.goto(playground.url);
  sidebar = page.frameLocator('#sidebar');
});

afterAll(async () => {
  await browser?.close();
  playground?.runtime.dispose();
  await playground?.close();
  await sandbox?.stop();
});

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The workbook view's rows for a tab, as the page shows them. */
async function tabRows(tab: string): Promise<string[][]> {
  const version = Number((await page.locator('#grid').getAttribute('data-version')) ?? 0);
  await page.getByRole('tab', { name: tab }).click();
  await page.waitForFunction(
    ([name, seen]) => {
      const grid = document.getElementById('grid');
      return grid?.dataset.tab === name && Number(grid.dataset.version) > seen;
    },
    [tab, version] as const,
  );
  return page
    .locator('#grid tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
    );
}

function expectedAdGroupRows(accountIds: string[]): number {
  const start = addDays(TODAY, -7);
  const end = addDays(TODAY, -1);
  return accountIds.reduce((sum, accountId) => {
    const ids = world.adGroups
      .filter((g: any) => g.ad_account_id === accountId)
      .map((g: any) => g.id);
    return (
      sum +
      world.analyticsRows('AD_GROUP', accountId, ids, start, end, 'DAY', DEFAULT_COLUMNS).length
    );
  }, 0);
}

const [usd, eur] = ['USD', 'EUR'].map(
  (currency) => world.adAccounts.find((account: any) => account.currency === currency) as any,
);

describe('the sidebar in headless Chromium', () => {
  it('connects Pinterest through the consent page', async () => {
    await shot('01-not-connected');
    const [consent] = await Promise.all([
      browser.waitForEvent('page'),
      sidebar.getByRole('button', { name: 'Connect Pinterest' }).click(),
    ]);
    await consent.locator('#allow').click();
    await consent.waitForLoadState();
    expect(await consent.textContent('body')).toMatch(/Pinterest is connected/);
    await consent.close();
    await sidebar.getByText(/Connected to Pinterest as/).waitFor({ timeout: 10_000 });
    await shot('02-connected');
  });

  it('shows a message next to the accounts when none is chosen', async () => {
    await sidebar.getByRole('button', { name: 'New report' }).click();
    await sidebar.getByRole('button', { name: 'Save and refresh' }).click();
    await expect(sidebar.locator('#error-adAccountIds').textContent()).resolves.toMatch(
      /Choose at least one ad account/,
    );
    await shot('03-no-account');
  });

  it('shows a message next to the dates when a custom range ends before it starts', async () => {
    await sidebar.getByLabel(new RegExp(usd.name)).check();
    await sidebar.getByLabel('Date range').selectOption('CUSTOM');
    await sidebar.getByLabel('Start (UTC)').fill('2026-11-20');
    await sidebar.getByLabel('End (UTC)').fill('2026-11-10');
    await sidebar.getByRole('button', { name: 'Save and refresh' }).click();
    await expect(sidebar.locator('#error-dateRange').textContent()).resolves.toMatch(
      /end date is before the start date/,
    );
    await expect(sidebar.locator('#error-adAccountIds').isHidden()).resolves.toBe(true);
    await shot('04-bad-range');
    await sidebar.getByRole('button', { name: 'Cancel' }).click();
  });

  it('creates a two-account ad group report for the last 7 days and fills its tab', async () => {
    await sidebar.getByRole('button', { name: 'New report' }).click();
    await sidebar.getByLabel('Tab name').fill('Ad groups');
    await sidebar.getByLabel('Search by name, id or currency').fill('EUR');
    await sidebar.getByLabel(new RegExp(eur.name.replace(/[,"]/g, '.'))).check();
    await sidebar.getByLabel('Search by name, id or currency').fill('');
    await sidebar.getByLabel(new RegExp(usd.name)).check();
    await sidebar.getByLabel('Level').selectOption('AD_GROUP');
    await sidebar.getByLabel('Date range').selectOption('LAST_7_DAYS');
    await shot('05-form');
    await sidebar.getByRole('button', { name: 'Save and refresh' }).click();
    await sidebar.getByText(/"Ad groups" refreshed/).waitFor({ timeout: 30_000 });

    const rows = await tabRows('Ad groups');
    expect(rows[0].slice(0, 5)).toEqual([
      'Date (UTC)',
      'Ad account ID',
      'Ad account',
      'Currency',
      'Ad group ID',
    ]);
    expect(rows.length - 1).toBe(expectedAdGroupRows([usd.id, eur.id]));
    expect(new Set(rows.slice(1).map((row) => row[3]))).toEqual(new Set(['USD', 'EUR']));
    await shot('06-refreshed');
  });

  it('edits the report’s fields and refreshes it again', async () => {
    await sidebar.getByRole('button', { name: 'Edit' }).click();
    await sidebar.getByLabel('Search by label or API name').fill('PAID_IMPRESSION');
    await sidebar.getByLabel(/Paid impression/).uncheck();
    await sidebar.getByRole('button', { name: 'Save and refresh' }).click();
    await sidebar.getByText(/"Ad groups" refreshed/).waitFor({ timeout: 30_000 });
    const header = (await tabRows('Ad groups'))[0];
    expect(header).not.toContain('Paid impression');
    expect(header).toContain('Spend');
    await shot('07-edited');
  });

  it('turns automatic refresh on, daily at an hour, and off again', async () => {
    await sidebar.getByLabel('Refresh every report').selectOption('daily');
    await sidebar.getByLabel("At (sheet's time)").selectOption('6');
    await sidebar.getByText('refreshed once a day, after 6:00').waitFor();
    expect(playground.runtime.listTriggers()).toHaveLength(1);
    await shot('08-schedule');
    await sidebar.getByLabel('Refresh every report').selectOption('off');
    await sidebar.getByText('only when you click Refresh now').waitFor();
    expect(playground.runtime.listTriggers()).toHaveLength(0);
  });

  it('filters fields by label or API name, and accounts by currency', async () => {
    await sidebar.getByRole('button', { name: 'New report' }).click();
    await sidebar.getByLabel('Search by label or API name').fill('roas');
    const visibleFields = sidebar.locator('#fields label:visible');
    const fieldNames = await visibleFields.allTextContents();
    expect(fieldNames.length).toBeGreaterThan(0);
    for (const name of fieldNames) expect(name.toLowerCase()).toContain('roas');
    await sidebar.getByLabel('Search by name, id or currency').fill('JPY');
    expect(await sidebar.locator('#accounts label:visible').allTextContents()).toEqual([
      expect.stringContaining('JPY'),
    ]);
    expect(await sidebar.locator('#custom-dates').isVisible()).toBe(false);
    await shot('08-search');
    await sidebar.getByRole('button', { name: 'Cancel' }).click();
  });

  it('gives every control a label', async () => {
    await sidebar.getByRole('button', { name: 'New report' }).click();
    const unlabelled = await sidebar.locator('body').evaluate((body) =>
      [...body.querySelectorAll('input, select, button')]
        .filter((element) => {
          const control = element as HTMLInputElement;
          const named = control.labels?.length || control.getAttribute('aria-label');
          return !named && !(element.tagName === 'BUTTON' && element.textContent?.trim());
        })
        .map((element) => element.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    await sidebar.getByRole('button', { name: 'Cancel' }).click();
  });

  it('can be used with the keyboard alone: a report created without the mouse', async () => {
    const frame = page.frame({ url: /\/sidebar$/ })!;
    await frame.focus('#new-report');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.activeElement?.id === 'tabName');
    await page.keyboard.type('Keyboard');
    await page.keyboard.press('Tab'); // account search
    await page.keyboard.type(usd.id);
    await page.keyboard.press('Tab'); // the one account left
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // level
    await page.keyboard.press('Tab'); // first preset
    await page.keyboard.press('Enter'); // Performance preset
    const checked = await frame.$$eval('#accounts input:checked', (boxes) => boxes.length);
    expect(checked).toBe(1);
    await frame.focus('#save');
    await page.keyboard.press('Enter');
    await frame.getByText(/"Keyboard" refreshed/).waitFor({ timeout: 30_000 });
    await shot('09-keyboard');
  });

  it('deletes a report, keeping its tab', async () => {
    const item = sidebar.getByRole('listitem', { name: 'Report Keyboard' });
    await item.getByRole('button', { name: 'Delete' }).click();
    await item.getByRole('button', { name: 'Confirm delete' }).click();
    await item.waitFor({ state: 'detached' });
    expect(await item.count()).toBe(0);
    expect(await tabRows('Keyboard')).not.toHaveLength(0);
    await shot('10-deleted');
  });

  it('never received a Pinterest token in any answer', async () => {
    const bodies = await Promise.all(answers);
    expect(bodies.length).toBeGreaterThan(10);
    expect(bodies.join('\n')).not.toMatch(/pin[ar]_[A-Za-z0-9_-]+/);
  });
});
