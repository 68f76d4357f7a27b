// What people do around the add-on: rename or delete a report's tab by hand, pick the name of
// a tab that holds their own data, and what must never leak: tokens, anywhere but user storage.

import { startLocal, type Local } from '../support/local';

const TODAY = '2026-12-04';
let local: Local;
let accountId: string;

beforeAll(async () => {
  local = await startLocal({ today: TODAY, seed: 2 });
  accountId = local.call<{ id: string }[]>('listAdAccounts')[0].id;
});

afterAll(async () => {
  await local?.stop();
});

function report(id: string, tabName: string) {
  return {
    id,
    tabName,
    adAccountIds: [accountId],
    level: 'CAMPAIGN',
    columns: ['SPEND_IN_MICRO_DOLLAR', 'PAID_IMPRESSION'],
    dateRange: { preset: 'LAST_7_DAYS' },
    granularity: 'DAY',
  };
}

const sheetNames = () => local.runtime.spreadsheet.getSheets().map((sheet: any) => sheet.getName());

describe('report tabs changed by hand', () => {
  it('follows a tab renamed in the spreadsheet, with a notice, and writes no second tab', () => {
    local.call('saveReport', report('renamed', 'Spend'));
    local.call('refreshReport', 'renamed');
    local.runtime.spreadsheet.getSheetByName('Spend')!.setName('Spend (mine)');

    const summary = local.call<{ tabName: string; notice?: string }>('refreshReport', 'renamed');
    expect(summary.tabName).toBe('Spend (mine)');
    expect(summary.notice).toMatch(/renamed to "Spend \(mine\)"/);
    expect(sheetNames()).not.toContain('Spend');
    const listed = local.call<{ report: { id: string; tabName: string } }[]>('listReports');
    expect(listed.find((entry) => entry.report.id === 'renamed')?.report.tabName).toBe(
      'Spend (mine)',
    );
  });

  it('creates a deleted tab again, with a notice', () => {
    local.call('saveReport', report('deleted', 'Gone'));
    local.call('refreshReport', 'deleted');
    const spreadsheet = local.runtime.spreadsheet;
    spreadsheet.deleteSheet(spreadsheet.getSheetByName('Gone')!);

    const summary = local.call<{ notice?: string; rows: number }>('refreshReport', 'deleted');
    expect(summary.notice).toMatch(/"Gone" was deleted; it was created again/);
    expect(spreadsheet.getSheetByName('Gone')!.getLastRow()).toBe(summary.rows + 1);
  });

  it('renames the tab when the report’s tab name is changed in the sidebar', () => {
    local.call('saveReport', report('moved', 'Before'));
    local.call('refreshReport', 'moved');
    local.call('saveReport', report('moved', 'After'));
    local.call('refreshReport', 'moved');
    expect(sheetNames()).toContain('After');
    expect(sheetNames()).not.toContain('Before');
  });

  it('refuses a tab name that holds the user’s own data, naming the field', () => {
    local.runtime.spreadsheet.getSheetByName('Sheet1')!.getRange(1, 1).setValue('my notes');
    const result = local.runtime.call<any>('saveReport', report('mine', 'Sheet1'));
    expect(result.error).toMatchObject({ code: 'INVALID_REPORT', field: 'tabName' });
    expect(local.runtime.spreadsheet.getSheetByName('Sheet1')!.getRange(1, 1).getValue()).toBe(
      'my notes',
    );
  });

  it('refuses the data dictionary’s name', () => {
    const result = local.runtime.call<any>('saveReport', report('dict', 'data dictionary'));
    expect(result.error.field).toBe('tabName');
  });
});

describe('Pinterest tokens', () => {
  const TOKEN = /pin[ar]_[A-Za-z0-9_-]+/;

  it('live in user properties', () => {
    expect([...local.runtime.properties.user.values()].join('\n')).toMatch(TOKEN);
  });

  it('are never in document or script properties', () => {
    const stores = [local.runtime.properties.document, local.runtime.properties.script];
    for (const store of stores) {
      expect([...store.entries()].flat().join('\n')).not.toMatch(TOKEN);
    }
  });

  it('are never written to a log line', () => {
    expect(local.runtime.logs.join('\n')).not.toMatch(TOKEN);
  });

  it('are never sent to the sidebar, by any of its calls', () => {
    const answers = [
      local.runtime.call('getConnection'),
      local.runtime.call('listAdAccounts'),
      local.runtime.call('listReports'),
      local.runtime.call('refreshReport', 'renamed'),
      local.runtime.call('getConnectUrl'),
    ];
    expect(JSON.stringify(answers)).not.toMatch(TOKEN);
  });
});

describe('a connection Pinterest no longer accepts', () => {
  it('fails the refresh with a reconnect message and leaves the tab as it was', async () => {
    const before = local.runtime.spreadsheet.getSheetByName('Gone')!.getDataRange().getValues();
    await fetch(`${local.sandbox.url}/__sandbox/revoke`, { method: 'POST' });

    const result = local.runtime.call<any>('refreshReport', 'deleted');
    expect(result.error).toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(result.error.message).toMatch(/reconnect Pinterest/);
    expect(local.runtime.spreadsheet.getSheetByName('Gone')!.getDataRange().getValues()).toEqual(
      before,
    );
  });

  it('shows as disconnected with the reason, so the sidebar offers Connect again', () => {
    const status = local.call<{ connected: boolean; reconnectReason?: string }>('getConnection');
    expect(status.connected).toBe(false);
    expect(status.reconnectReason).toMatch(/expired or was revoked/);
  });

  it('records the failure in the report’s status for the sidebar to show', () => {
    const listed = local.call<any[]>('listReports');
    const status = listed.find((entry) => entry.report.id === 'deleted').status;
    expect(status.lastError.code).toBe('TOKEN_EXPIRED');
  });
});
