// Apps Script adapters for the small ports: UrlFetchApp as Http, Properties as KeyValueStore,
// the clock and the logger.

import type { Clock, Http, HttpRequest, HttpResponse, KeyValueStore, Logger } from '../ports';

function toParams(request: HttpRequest): GoogleAppsScript.URL_Fetch.URLFetchRequestOptions {
  return {
    method: request.method,
    headers: request.headers,
    payload: request.payload,
    contentType: request.contentType,
    muteHttpExceptions: true,
    followRedirects: true,
  };
}

function fromResponse(response: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpResponse {
  const headers: Record<string, string> = {};
  const raw = response.getHeaders() as Record<string, unknown>;
  for (const [name, value] of Object.entries(raw)) headers[name.toLowerCase()] = String(value);
  return { status: response.getResponseCode(), headers, body: response.getContentText() };
}

export const urlFetchHttp: Http = {
  fetch(request) {
    return fromResponse(UrlFetchApp.fetch(request.url, toParams(request)));
  },
  fetchAll(requests) {
    const all = UrlFetchApp.fetchAll(requests.map((r) => ({ url: r.url, ...toParams(r) })));
    return all.map(fromResponse);
  },
};

export function propertiesStore(properties: GoogleAppsScript.Properties.Properties): KeyValueStore {
  return {
    get: (key) => properties.getProperty(key),
    set: (key, value) => void properties.setProperty(key, value),
    delete: (key) => void properties.deleteProperty(key),
    keys: () => properties.getKeys(),
  };
}

/** The clock, with local dates and hours in the spreadsheet's time zone. */
export function spreadsheetClock(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Clock {
  return {
    now: () => new Date(),
    sleep: (milliseconds) => Utilities.sleep(milliseconds),
    local: (instant) => {
      const zone = spreadsheet.getSpreadsheetTimeZone();
      const [date, hour] = Utilities.formatDate(instant, zone, 'yyyy-MM-dd H').split(' ');
      return { date, hour: Number(hour) };
    },
  };
}

export const appsScriptLogger: Logger = {
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
};
