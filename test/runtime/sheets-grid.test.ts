// Specification of the runtime's sheet grid: sizes, Google's errors for ranges and data of the
// wrong shape, the cell and workbook limits, sheet management and the UI the bundle drives.
import type { Runtime } from '../../dev/runtime/runtime';
import { gas, gasError, newRuntime } from './helpers';

let runtime: Runtime;
beforeEach(() => {
  runtime = newRuntime();
});
afterEach(() => runtime.dispose());

describe('grid size and coordinates', () => {
  test('a new workbook has one sheet of 1000 rows by 26 columns', () => {
    expect(runtime.spreadsheet.sheetNames()).toEqual(['Sheet1']);
    const sheet = runtime.spreadsheet.getSheetByName('Sheet1')!;
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow()]).toEqual([1000, 26, 0]);
  });

  test('a range past the last row or column throws until rows are inserted', () => {
    const body = `SpreadsheetApp.getActive().getSheets()[0].getRange(1000, 1, 2, 1);`;
    expect(gasError(runtime, body).message).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(
      gasError(runtime, `SpreadsheetApp.getActive().getSheets()[0].getRange('AA1')`).name,
    ).toBe('Exception');
    const rows = gas(
      runtime,
      `var s = SpreadsheetApp.getActive().getSheets()[0];
       s.insertRowsAfter(s.getMaxRows(), 5);
       return s.getRange(1000, 1, 2, 1).getNumRows() + s.getMaxRows();`,
    );
    expect(rows).toBe(2 + 1005);
  });

  test('row and column numbers below 1 and empty sizes use Google texts', () => {
    const sheet = `SpreadsheetApp.getActive().getSheets()[0]`;
    expect(gasError(runtime, `${sheet}.getRange(0, 1)`).message).toBe(
      'The starting row of the range is too small.',
    );
    expect(gasError(runtime, `${sheet}.getRange(1, 0)`).message).toBe(
      'The starting column of the range is too small.',
    );
    expect(gasError(runtime, `${sheet}.getRange(1, 1, 0, 1)`).message).toBe(
      'The number of rows in the range must be at least 1.',
    );
    expect(gasError(runtime, `${sheet}.getRange('not a range!')`).message).toBe('Range not found');
  });

  test('A1 notation covers cells, blocks, whole columns and open-ended ranges', () => {
    const notes = gas<string[]>(
      runtime,
      `var s = SpreadsheetApp.getActive().getSheets()[0];
       return ['B2', 'a1:c3', 'A:B', '2:3', 'A5:B', "'Sheet1'!C2"].map(function (a1) {
         var r = s.getRange(a1);
         return [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()].join(',');
       });`,
    );
    expect(notes).toEqual(['2,2,1,1', '1,1,3,3', '1,1,1000,2', '2,1,2,26', '5,1,996,2', '2,3,1,1']);
  });
});

describe('writing data', () => {
  test('setValues rejects data with fewer rows than the range, naming both counts', () => {
    const error = gasError(
      runtime,
      `SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B3').setValues([[1, 2]]);`,
    );
    expect(String(error)).toBe(
      'Exception: The number of rows in the data does not match the number of rows in the range. ' +
        'The data has 1 but the range has 3.',
    );
  });

  test('setValues rejects a row of the wrong width and writes nothing', () => {
    const error = gasError(
      runtime,
      `SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B2').setValues([[1, 2], [3]]);`,
    );
    expect(error.message).toBe(
      'The number of columns in the data does not match the number of columns in the range. ' +
        'The data has 1 but the range has 2.',
    );
    expect(runtime.spreadsheet.getSheetByName('Sheet1')!.getLastRow()).toBe(0);
  });

  test('a cell holds at most 50,000 characters', () => {
    const error = gasError(
      runtime,
      `var text = new Array(50002).join('x');
        SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue(text);`,
    );
    expect(error.message).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    gas(
      runtime,
      `var text = new Array(50001).join('x');
        SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue(text);`,
    );
  });

  test('getDataRange, getLastRow and getLastColumn follow content, not formatting', () => {
    const result = gas(
      runtime,
      `var s = SpreadsheetApp.getActive().getSheets()[0];
       s.getRange('A1:B2').setValues([['Date', 'Spend'], ['2026-03-01', 12.5]]);
       s.getRange('A10:Z10').setFontWeight('bold').setNumberFormat('@');
       s.getRange('D5').setValue('=B2*2');
       return [s.getLastRow(), s.getLastColumn(), s.getDataRange().getA1Notation()];`,
    );
    expect(result).toEqual([5, 4, 'A1:D5']);
  });

  test('inserting and deleting rows moves cells; the new rows are blank and unformatted', () => {
    const result = gas(
      runtime,
      `var s = SpreadsheetApp.getActive().getSheets()[0];
       s.getRange('A1:A3').setNumberFormat('@').setValues([['1'], ['2'], ['3']]);
       s.insertRowsBefore(2, 2);
       var afterInsert = s.getRange('A1:A5').getValues().map(String);
       var formats = s.getRange('A2:A3').getNumberFormats().map(String);
       s.deleteRows(2, 2);
       return [afterInsert, formats, s.getRange('A1:A3').getValues().map(String), s.getMaxRows()];`,
    );
    expect(result).toEqual([
      ['1', '', '', '2', '3'],
      ['General', 'General'],
      ['1', '2', '3'],
      1000,
    ]);
  });

  test('inserting and deleting columns shifts values', () => {
    const result = gas(
      runtime,
      `var s = SpreadsheetApp.getActive().getSheets()[0];
       s.getRange('A1:C1').setValues([['a', 'b', 'c']]);
       s.insertColumnsAfter(1, 1);
       var wide = s.getRange('A1:D1').getValues()[0];
       s.deleteColumns(1, 2);
       return [wide, s.getRange('A1:B1').getValues()[0], s.getMaxColumns()];`,
    );
    expect(result).toEqual([['a', '', 'b', 'c'], ['b', 'c'], 25]);
  });

  test('deleting every row is refused', () => {
    expect(
      gasError(runtime, `SpreadsheetApp.getActive().getSheets()[0].deleteRows(1, 1000)`).message,
    ).toBe('Sorry, it is not possible to delete all non-frozen rows.');
  });

  test('clear removes values and formats; clearContents keeps formats', () => {
    const result = gas(
      runtime,
      `var s = SpreadsheetApp.getActive().getSheets()[0];
       s.getRange('A1').setNumberFormat('@').setValue('x').setFontWeight('bold');
       s.clearContents();
       var kept = [s.getRange('A1').getNumberFormat(), s.getRange('A1').getFontWeight()];
       s.getRange('A1').setValue('y');
       s.clear();
       return kept.concat([s.getRange('A1').getNumberFormat(), s.getRange('A1').getValue()]);`,
    );
    expect(result).toEqual(['@', 'bold', 'General', '']);
  });
});

describe('workbook limits and sheets', () => {
  test('no change may take the workbook past 10,000,000 cells', () => {
    const error = gasError(
      runtime,
      `var s = SpreadsheetApp.getActive().getSheets()[0];
       s.insertRowsAfter(1000, 383616);`,
    );
    expect(error.message).toBe(
      'This action would increase the number of cells in the workbook above the limit of ' +
        '10000000 cells.',
    );
    gas(runtime, `SpreadsheetApp.getActive().getSheets()[0].insertRowsAfter(1000, 383615);`);
    expect(runtime.spreadsheet.cellCount()).toBe(9_999_990);
    expect(gasError(runtime, `SpreadsheetApp.getActive().insertSheet()`).message).toContain(
      'above the limit of 10000000 cells',
    );
  });

  test('sheets are inserted at an index, renamed and refused a duplicate name (any case)', () => {
    const names = gas(
      runtime,
      `var ss = SpreadsheetApp.getActive();
       ss.insertSheet('Campaigns');
       ss.insertSheet('Dictionary', 0);
       ss.getSheetByName('Campaigns').setName('Campaign report');
       return ss.getSheets().map(function (s) { return s.getName() + '@' + s.getIndex(); });`,
    );
    expect(names).toEqual(['Dictionary@1', 'Sheet1@2', 'Campaign report@3']);
    expect(
      gasError(runtime, `SpreadsheetApp.getActive().insertSheet('campaign REPORT')`).message,
    ).toBe('A sheet with the name "campaign REPORT" already exists. Please enter another name.');
    expect(
      gasError(runtime, `SpreadsheetApp.getActive().getSheetByName('Sheet1').setName('Dictionary')`)
        .message,
    ).toContain('already exists');
  });

  test('the last sheet cannot be deleted and the last visible one cannot be hidden', () => {
    expect(
      gasError(runtime, `var ss = SpreadsheetApp.getActive(); ss.deleteSheet(ss.getSheets()[0])`)
        .message,
    ).toBe("You can't remove all the sheets in a document.");
    expect(gasError(runtime, `SpreadsheetApp.getActive().getSheets()[0].hideSheet()`).message).toBe(
      "You can't hide all the sheets in a document.",
    );
  });

  test('frozen rows and columns, widths and the active sheet are kept', () => {
    const state = gas(
      runtime,
      `var ss = SpreadsheetApp.getActive();
       var s = ss.insertSheet('Report');
       s.setFrozenRows(1);
       s.setFrozenColumns(2);
       s.getRange('A1').setValue('Campaign name with a long title');
       s.autoResizeColumns(1, 1);
       s.setColumnWidth(2, 150);
       ss.getSheets()[0].activate();
       return [s.getFrozenRows(), s.getFrozenColumns(), s.getColumnWidth(1) > 100,
         s.getColumnWidth(2), ss.getActiveSheet().getName(),
           s.getParent().getId() === ss.getId()];`,
    );
    expect(state).toEqual([1, 2, true, 150, 'Sheet1', true]);
  });

  test('display values follow number formats', () => {
    const shown = gas(
      runtime,
      `var r = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:F1');
       r.setValues([[1234.5, 0.256, 12, 3, 1234567, 46085.5]]);
       r.setNumberFormats([
         ['#,##0.00', '0.0%', '"$"#,##0.00', '000', '0.00E+00', 'yyyy-mm-dd HH:mm'],
         ]);
       return r.getDisplayValues()[0];`,
    );
    expect(shown).toEqual(['1,234.50', '25.6%', '$12.00', '003', '1.23E+06', '2026-03-04 12:00']);
  });
});

describe('user interface', () => {
  test('onOpen builds the add-on menu; the sidebar, alerts and toasts are recorded', () => {
    expect(runtime.call('onOpen', { authMode: 'LIMITED' })).toBe('LIMITED');
    gas(
      runtime,
      `var ui = SpreadsheetApp.getUi();
       ui.showSidebar(HtmlService.createHtmlOutput('<p>Connect</p>').setTitle('Pinterest Ads'));
       ui.alert('Report refreshed');
       SpreadsheetApp.getActive().toast('Done', 'Pinterest');`,
    );
    const { ui } = runtime.spreadsheet;
    expect(ui.menus).toEqual([
      { caption: 'Add-on', addon: true, items: [{ caption: 'Open', functionName: 'showSidebar' }] },
    ]);
    expect(ui.sidebar).toEqual({ title: 'Pinterest Ads', content: '<p>Connect</p>' });
    expect(ui.alerts).toEqual([{ title: '', prompt: 'Report refreshed' }]);
    expect(ui.toasts).toEqual([{ message: 'Done', title: 'Pinterest' }]);
  });

  test('the Spreadsheet object has no getUi (it belongs to SpreadsheetApp)', () => {
    expect(gas(runtime, `return typeof SpreadsheetApp.getActive().getUi`)).toBe('undefined');
  });
});
