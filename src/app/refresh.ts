// Refreshing a report tab: list what it covers, plan and fetch the analytics, shape the table
// and write it in one go. Nothing is written until every request has succeeded, so a failed
// refresh leaves the tab as it was.

import { AddonError } from '../core/errors';
import { toIsoDate } from '../core/dates';
import { planAnalytics } from '../core/pinterest/plan';
import type { PinterestClient } from '../core/pinterest/client';
import type { AdAccount, Entity } from '../core/pinterest/types';
import { resolveDateRange, type ReportDefinition } from '../core/report/definition';
import { mergeRows, shapeTable, tableColumns, type TableColumn } from '../core/report/shape';
import { DICTIONARY_TAB, dictionaryWrite } from '../core/sheet/dictionary';
import { toSheetWrite } from '../core/sheet/format';
import { pinterestClient, type AppContext } from './context';
import { listReports, loadReport, putReport, readStatus, writeStatus } from './report-store';
import type { ReportStatus } from './report-store';
import { resolveReportTab } from './report-tab';

export interface RefreshSummary {
  reportId: string;
  tabName: string;
  /** Set when the tab had been renamed or deleted by hand. */
  notice?: string;
  accounts: number;
  rows: number;
  requests: number;
  startDate: string;
  endDate: string;
  seconds: number;
}

/** Refreshes one report; records success or failure in its status, then answers or rethrows. */
export function refreshReport(context: AppContext, reportId: string): RefreshSummary {
  const definition = loadReport(context.documentProperties, reportId);
  const started = context.clock.now();
  const status = readStatus(context.documentProperties, reportId);
  status.lastAttempt = started.toISOString();
  const client = pinterestClient(context);

  try {
    const { summary, sheetId } = runRefresh(context, client, definition, status, started);
    writeStatus(context.documentProperties, reportId, {
      ...status,
      lastSuccess: started.toISOString(),
      rows: summary.rows,
      requests: summary.requests,
      sheetId,
      sheetName: summary.tabName,
      notice: summary.notice,
      lastError: undefined,
    });
    return summary;
  } catch (error) {
    const known =
      error instanceof AddonError
        ? error
        : new AddonError('PINTEREST_UNAVAILABLE', 'The refresh failed unexpectedly.', {
            detail: String(error),
          });
    context.logger.warn(`Refresh of ${reportId} failed: ${known.code} ${known.detail ?? ''}`);
    writeStatus(context.documentProperties, reportId, {
      ...status,
      lastError: { code: known.code, message: known.message },
    });
    throw known;
  }
}

function runRefresh(
  context: AppContext,
  client: PinterestClient,
  definition: ReportDefinition,
  status: ReportStatus,
  started: Date,
): { summary: RefreshSummary; sheetId: number } {
  const today = toIsoDate(started);
  const range = resolveDateRange(definition.dateRange, today);
  const accounts = reportAccounts(client, definition);
  const { idsByAccount, entities } = listEntities(client, definition, accounts);

  const plan = planAnalytics(
    {
      level: definition.level,
      idsByAccount,
      startDate: range.start,
      endDate: range.end,
      columns: definition.columns,
      granularity: definition.granularity,
      attribution: definition.attribution,
      today,
    },
    (request) => client.analyticsUrl(request).length,
  );
  const results = client.analytics(plan);

  const table = shapeTable({
    definition,
    startDate: range.start,
    accounts,
    entities,
    rows: mergeRows(plan, results),
  });
  const tab = resolveReportTab(context.workbook, definition, status);
  if (tab.tabName !== definition.tabName) {
    putReport(context.documentProperties, { ...definition, tabName: tab.tabName });
  }
  const sheetId = context.workbook.writeSheet(tab.tabName, toSheetWrite(table));
  writeDictionary(context);

  const summary: RefreshSummary = {
    reportId: definition.id,
    tabName: tab.tabName,
    notice: tab.notice,
    accounts: accounts.size,
    rows: table.rows.length,
    requests: client.requestCount,
    startDate: range.start,
    endDate: range.end,
    seconds: (context.clock.now().getTime() - started.getTime()) / 1000,
  };
  return { summary, sheetId };
}

/** The report's ad accounts with their names and currencies; a lost one is an error. */
function reportAccounts(client: PinterestClient, definition: ReportDefinition) {
  const visible = new Map(client.listAdAccounts().map((account) => [account.id, account]));
  const accounts = new Map<string, AdAccount>();
  for (const id of definition.adAccountIds) {
    const account = visible.get(id);
    if (!account) {
      throw new AddonError(
        'PERMISSION_DENIED',
        `Ad account ${id} is no longer shared with your Pinterest user. Ask for access again ` +
          'or edit the report to remove it.',
        { field: 'adAccountIds' },
      );
    }
    accounts.set(id, account);
  }
  return accounts;
}

function listEntities(
  client: PinterestClient,
  definition: ReportDefinition,
  accounts: Map<string, AdAccount>,
) {
  const idsByAccount = new Map<string, string[]>();
  const entities = new Map<string, Entity>();
  for (const accountId of accounts.keys()) {
    if (definition.level === 'AD_ACCOUNT') {
      idsByAccount.set(accountId, []);
      continue;
    }
    const listed = client.listEntities(accountId, definition.level);
    idsByAccount.set(
      accountId,
      listed.map((entity) => entity.id),
    );
    for (const entity of listed) entities.set(entity.id, entity);
  }
  return { idsByAccount, entities };
}

function writeDictionary(context: AppContext): void {
  const tabs = new Map<string, TableColumn[]>();
  for (const report of listReports(context.documentProperties)) {
    tabs.set(report.tabName, tableColumns(report));
  }
  context.workbook.writeSheet(DICTIONARY_TAB, dictionaryWrite(tabs));
}
