// Finds the tab a report writes to, coping with what people do to tabs by hand: a tab renamed
// in Sheets is followed (the report takes the new name), a tab renamed in the sidebar is renamed
// in Sheets, and a deleted tab is created again, each with a notice instead of a failure.

import type { ReportDefinition } from '../core/report/definition';
import type { Workbook } from '../ports';
import type { ReportStatus } from './report-store';

export interface ReportTab {
  /** The name to write to now. */
  tabName: string;
  notice?: string;
}

export function resolveReportTab(
  workbook: Workbook,
  report: ReportDefinition,
  status: ReportStatus,
): ReportTab {
  if (status.sheetId === undefined) return { tabName: report.tabName };
  const current = workbook.sheetName(status.sheetId);

  if (current === undefined) {
    return {
      tabName: report.tabName,
      notice: `The tab "${status.sheetName ?? report.tabName}" was deleted; it was created again.`,
    };
  }
  if (current === report.tabName) return { tabName: current };

  const renamedInSidebar = report.tabName !== status.sheetName;
  if (renamedInSidebar && workbook.sheetId(report.tabName) === undefined) {
    workbook.renameSheet(status.sheetId, report.tabName);
    return { tabName: report.tabName };
  }
  return {
    tabName: current,
    notice: `The tab was renamed to "${current}" in the spreadsheet; the report now uses it.`,
  };
}
