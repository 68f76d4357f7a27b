// Report definitions and statuses kept in a hidden tab of the spreadsheet itself, not in
// document properties: an add-on's time-driven run has no active document, so it can reach
// neither getActiveSpreadsheet() nor getDocumentProperties(), but it can open the spreadsheet
// by id and read this tab. The settings also travel with copies of the spreadsheet.

import type { KeyValueStore } from '../ports';

export const SETTINGS_TAB = '~pinterest-ads settings';

/**
 * Every read goes to the tab: another execution (the trigger, a collaborator) may have written.
 * Limitation: a write rewrites the whole tab from a fresh read, so two users' executions
 * writing in the same instant could lose one write; keeping reads in memory for a whole
 * execution would widen that window to minutes, so it is not done.
 */
export function sheetStore(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): KeyValueStore {
  const read = (): Map<string, string> => {
    const cache = new Map<string, string>();
    const sheet = spreadsheet.getSheetByName(SETTINGS_TAB);
    if (sheet && sheet.getLastRow() > 0) {
      for (const [key, value] of sheet.getRange(1, 1, sheet.getLastRow(), 2).getValues()) {
        if (key !== '') cache.set(String(key), String(value));
      }
    }
    return cache;
  };

  const save = (values: Map<string, string>) => {
    let sheet = spreadsheet.getSheetByName(SETTINGS_TAB);
    if (!sheet) {
      sheet = spreadsheet.insertSheet(SETTINGS_TAB);
      sheet.hideSheet();
      // Editing the tab by hand asks for confirmation first: it holds every report's definition.
      sheet.protect().setWarningOnly(true);
    }
    const rows = [...values.entries()];
    if (sheet.getMaxRows() < rows.length) {
      sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    }
    sheet.clearContents();
    if (rows.length) sheet.getRange(1, 1, rows.length, 2).setNumberFormat('@').setValues(rows);
  };

  return {
    get: (key) => read().get(key) ?? null,
    set: (key, value) => {
      const values = read();
      values.set(key, value);
      save(values);
    },
    delete: (key) => {
      const values = read();
      if (values.delete(key)) save(values);
    },
    keys: () => [...read().keys()],
  };
}
