// The data dictionary tab: for every report tab, the settings behind it and one row per column
// with its meaning and unit, so a reader (or an AI assistant reading the Sheet) knows exactly
// what each number is.

import type { CellValue, SheetWrite } from '../../ports';
import { findField } from '../catalog/fields';
import type { ReportDefinition } from '../report/definition';
import { DATA_STATUS_HEADER, tableColumns, type ColumnKind } from '../report/shape';
import { lookbackDays } from '../report/window';
import { TEXT_FORMAT } from './format';

export const DICTIONARY_TAB = 'Data dictionary';

const UNIT_WORDS: Record<ColumnKind, string> = {
  date:
    'Calendar date in UTC (Pinterest reports days in UTC); for weeks and months, the first ' +
    'day of the period, or the first day pulled when a pull began within the period',
  id: 'Identifier, kept as text so no digit is lost',
  text: 'Text exactly as Pinterest sent it',
  count: 'Count',
  money_micro: "Amount in the row's account currency (API value in millionths, divided here)",
  money: "Amount in the row's account currency, as the API sends it",
  ratio: 'Ratio shown as a percentage',
  number: 'Decimal number',
  seconds: 'Seconds',
};

/** What the report's settings mean for its numbers, in one line. */
export function describeSettings(report: ReportDefinition): string {
  const a = report.attribution;
  const when = a.conversionReportTime === 'TIME_OF_AD_ACTION' ? 'the ad action' : 'the conversion';
  const range =
    report.dateRange.preset === 'CUSTOM'
      ? `${report.dateRange.startDate} to ${report.dateRange.endDate}`
      : report.dateRange.preset.toLowerCase().replace(/_/g, ' ');
  return (
    `Level ${report.level.toLowerCase().replace('_', ' ')}; ${range}; one row per ` +
    `${report.granularity.toLowerCase()}; attribution windows: click ${a.clickWindowDays} d, ` +
    `engagement ${a.engagementWindowDays} d, view ${a.viewWindowDays} d; conversions counted on ` +
    `the day of ${when}; the last ${lookbackDays(report)} days are pulled again on every refresh.`
  );
}

const STATUS_WORDS =
  'provisional: the row falls inside the days pulled again on every refresh, or Pinterest has ' +
  'not yet called its conversions final, so its numbers may still change; final: settled';

export function dictionaryWrite(reports: ReportDefinition[]): SheetWrite {
  const header = ['Tab', 'Column header', 'Pinterest API column', 'Meaning and unit'];
  const rows: CellValue[][] = [];
  for (const report of reports) {
    rows.push([report.tabName, '(report settings)', '', describeSettings(report)]);
    for (const column of tableColumns(report)) {
      const category = column.column ? `${findField(column.column)?.category}: ` : '';
      const meaning =
        column.header === DATA_STATUS_HEADER ? STATUS_WORDS : category + UNIT_WORDS[column.kind];
      rows.push([report.tabName, column.header, column.column ?? '', meaning]);
    }
  }
  return {
    header,
    rows,
    numberFormats: rows.map(() => header.map(() => TEXT_FORMAT)),
    frozenRows: 1,
  };
}
