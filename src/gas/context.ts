// Builds the use cases' context from Apps Script's services, once per execution.

import type { AppContext } from '../app/context';
import { readConfig } from '../app/config';
import { oauthPinterestAuth } from './oauth';
import { appsScriptClock, appsScriptLogger, propertiesStore, urlFetchHttp } from './services';
import { spreadsheetWorkbook } from './workbook';

export function appsScriptContext(): AppContext {
  const scriptProperties = propertiesStore(PropertiesService.getScriptProperties());
  return {
    http: urlFetchHttp,
    clock: appsScriptClock,
    logger: appsScriptLogger,
    scriptProperties,
    documentProperties: propertiesStore(PropertiesService.getDocumentProperties()),
    workbook: spreadsheetWorkbook(SpreadsheetApp.getActiveSpreadsheet()),
    auth: oauthPinterestAuth(() => readConfig(scriptProperties)),
  };
}
