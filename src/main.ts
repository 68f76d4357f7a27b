// The add-on's entry points: the only file whose exports become Apps Script global functions
// (menu items, the OAuth callback, and the calls the sidebar and local runner make).

import { respond, type Result } from './app/boundary';
import { completeConnect, connectionStatus, connectUrl, disconnect } from './app/connection';
import type { ConnectionStatus } from './app/connection';
import { pinterestClient, type AppContext } from './app/context';
import { writeDictionary, type RefreshSummary } from './app/refresh';
import { jobKey } from './app/refresh-job';
import { DICTIONARY_TAB } from './core/sheet/dictionary';
import { refreshNow, runScheduled, setSchedule as updateSchedule } from './app/schedule';
import { deleteReport as remove, listReports as allReports, loadReport } from './app/report-store';
import { readStatus, saveReport as save } from './app/report-store';
import type { ServerApi } from './api';
import type { ReportStatus } from './app/report-store';
import { toIsoDate } from './core/dates';
import {
  DEFAULT_ATTRIBUTION,
  DEFAULT_COLUMNS,
  type ReportDefinition,
} from './core/report/definition';
import type { AdAccount } from './core/pinterest/types';
import type { Schedule } from './ports';
import { appsScriptContext } from './gas/context';
import { spreadsheetOfTrigger } from './gas/schedule';
import { appsScriptLogger } from './gas/services';

const MENU_TITLE = 'Pinterest Ads';

/** Builds the add-on menu; runs without authorization, so it touches nothing else. */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open', 'showSidebar')
    .addItem('Connect Pinterest…', 'showConnectDialog')
    .addItem('Refresh all reports', 'refreshAllReports')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

/** Opens the sidebar (built from src/ui/ into the Sidebar.html file of the bundle). */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(MENU_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Opens a dialog with the consent link (Apps Script pages cannot navigate the top window). */
export function showConnectDialog(): void {
  const result = getConnectUrl();
  const body = result.ok
    ? `<p><a href="${escapeHtml(result.value)}" target="_blank">Connect your Pinterest ` +
      'account</a></p><p>After you allow access, close the Pinterest tab and this dialog.</p>'
    : `<p>${escapeHtml(result.error.message)}</p>`;
  const html = HtmlService.createHtmlOutput(body).setWidth(360).setHeight(140);
  SpreadsheetApp.getUi().showModalDialog(html, MENU_TITLE);
}

/** Google calls this at /usercallback when Pinterest redirects back after consent. */
export function authCallback(request: object): GoogleAppsScript.HTML.HtmlOutput {
  const message = completeConnect(appsScriptContext(), request);
  return HtmlService.createHtmlOutput(`<p>${escapeHtml(message)}</p>`).setTitle(MENU_TITLE);
}

export function getConnection(): Result<ConnectionStatus> {
  return respond(appsScriptLogger, () => connectionStatus(appsScriptContext()));
}

export function getConnectUrl(): Result<string> {
  return respond(appsScriptLogger, () => connectUrl(appsScriptContext()));
}

export function disconnectPinterest(): Result<null> {
  return respond(appsScriptLogger, () => {
    disconnect(appsScriptContext());
    return null;
  });
}

export function listAdAccounts(): Result<AdAccount[]> {
  return respond(appsScriptLogger, () =>
    pinterestClient(appsScriptContext())
      .listAdAccounts()
      .map(({ id, name, currency, country }) => ({ id, name, currency, country })),
  );
}

export function listReports(): Result<{ report: ReportDefinition; status: ReportStatus }[]> {
  return respond(appsScriptLogger, () => {
    const store = appsScriptContext().settings;
    return allReports(store).map((report) => ({ report, status: readStatus(store, report.id) }));
  });
}

export function saveReport(input: unknown): Result<ReportDefinition> {
  return respond(appsScriptLogger, () => {
    const context = appsScriptContext();
    return save(context.settings, context.workbook, input, today(context));
  });
}

/** Saves the starter report: every ad account, campaigns, the last 30 complete days, daily. */
export function createDefaultReport(): Result<ReportDefinition> {
  return respond(appsScriptLogger, () => {
    const context = appsScriptContext();
    const accounts = pinterestClient(context).listAdAccounts();
    const report = {
      id: `r${today(context).replace(/-/g, '')}${Utilities.getUuid().slice(0, 8)}`,
      tabName: 'Pinterest Ads',
      adAccountIds: accounts.map((account) => account.id),
      level: 'CAMPAIGN',
      columns: DEFAULT_COLUMNS,
      dateRange: { preset: 'LAST_30_DAYS' },
      granularity: 'DAY',
      attribution: DEFAULT_ATTRIBUTION,
    };
    return save(context.settings, context.workbook, report, today(context));
  });
}

export function deleteReport(reportId: string): Result<null> {
  return respond(appsScriptLogger, () => {
    const context = appsScriptContext();
    remove(context.settings, String(reportId));
    context.workbook.deleteBlob(jobKey(String(reportId)));
    if (context.workbook.sheetId(DICTIONARY_TAB) !== undefined) writeDictionary(context);
    return null;
  });
}

export function refreshReport(reportId: string): Result<RefreshSummary> {
  return respond(appsScriptLogger, () => {
    const context = appsScriptContext();
    return refreshNow(context, loadReport(context.settings, String(reportId)));
  });
}

/** Refreshes every report of the spreadsheet in turn; one failure does not stop the others. */
export function refreshAllReports(): Result<Result<RefreshSummary>[]> {
  return respond(appsScriptLogger, () => {
    const context = appsScriptContext();
    return allReports(context.settings).map((report) =>
      respond(appsScriptLogger, () => refreshNow(context, report)),
    );
  });
}

export function getSchedule(): Result<Schedule | null> {
  return respond(appsScriptLogger, () => appsScriptContext().scheduler.current() ?? null);
}

/** Turns automatic refresh on ({mode: 'hourly'}, {mode: 'daily', hour}) or off ({mode: 'off'}). */
export function setSchedule(input: unknown): Result<Schedule | null> {
  return respond(appsScriptLogger, () => updateSchedule(appsScriptContext(), input));
}

/**
 * The time-driven trigger's handler: refreshes the reports that are due in the trigger's
 * spreadsheet, opened by id (a time-driven run has no active document).
 */
export function runScheduledRefresh(event?: { triggerUid?: string }): void {
  const result = respond(appsScriptLogger, () => {
    const spreadsheetId = event?.triggerUid ? spreadsheetOfTrigger(event.triggerUid) : null;
    if (!spreadsheetId) throw new Error(`No spreadsheet is known for trigger ${event?.triggerUid}`);
    return runScheduled(appsScriptContext(SpreadsheetApp.openById(spreadsheetId)));
  });
  if (!result.ok) appsScriptLogger.warn(`Scheduled refresh: ${result.error.message}`);
}

// The entry points must implement the sidebar's typed API; this fails to compile otherwise.
void ({
  getConnection,
  getConnectUrl,
  disconnectPinterest,
  listAdAccounts,
  listReports,
  saveReport,
  deleteReport,
  refreshReport,
  getSchedule,
  setSchedule,
} satisfies ServerApi);

/** Today's date in UTC, as reports count days. */
function today(context: AppContext): string {
  return toIsoDate(context.clock.now());
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
