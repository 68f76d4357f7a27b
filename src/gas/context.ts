// Builds the use cases' context from Apps Script's services, once per execution, for the
// spreadsheet the add-on is open in or, in a time-driven run, the one its trigger belongs to.

import type { AppContext } from '../app/context';
import { readConfig } from '../app/config';
import { oauthPinterestAuth } from './oauth';
import { mailAppMailer, scheduler, userLock } from './schedule';
import { appsScriptLogger, propertiesStore, spreadsheetClock, urlFetchHttp } from './services';
import { sheetStore } from './sheet-store';
import { spreadsheetWorkbook } from './workbook';

export function appsScriptContext(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): AppContext {
  const scriptProperties = propertiesStore(PropertiesService.getScriptProperties());
  return {
    http: urlFetchHttp,
    clock: spreadsheetClock(spreadsheet),
    logger: appsScriptLogger,
    scriptProperties,
    settings: sheetStore(spreadsheet),
    workbook: spreadsheetWorkbook(spreadsheet),
    auth: oauthPinterestAuth(() => readConfig(scriptProperties), appsScriptLogger),
    userProperties: propertiesStore(PropertiesService.getUserProperties()),
    lock: userLock(),
    scheduler: scheduler(spreadsheet),
    mailer: mailAppMailer(spreadsheet),
  };
}
