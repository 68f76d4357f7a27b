// Writes the in-memory workbook as .xlsx with exceljs: typed values, formulas as formulas, number
// formats, bold, fills, alignment, notes, frozen panes, column widths and hidden sheets.
import ExcelJS from 'exceljs';
import type { Cell, WorkbookModel } from './model';
import { GENERAL, isDateFormat, serialToMs } from './number-format';

/** Sheets pixels to Excel character widths (Excel's default 8.43 chars is 64 px). */
const PX_PER_CHAR = 7.6;

/** Sheets date letters are case-insensitive; Excel wants lower case except AM/PM. */
function excelFormat(format: string): string {
  if (!isDateFormat(format)) return format;
  return format.replace(/"[^"]*"|AM\/PM|A\/P|[A-Za-z]/g, (token) =>
    token.length === 1 ? token.toLowerCase() : token,
  );
}

function cellValue(cell: Cell): ExcelJS.CellValue {
  if (cell.formula !== undefined) return { formula: cell.formula.replace(/^=/, '') };
  if (typeof cell.value === 'number' && isDateFormat(cell.format)) {
    return new Date(serialToMs(cell.value));
  }
  if (cell.value === '') return null;
  return cell.value;
}

export async function writeXlsx(book: WorkbookModel, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of book.sheets) {
    const frozen = sheet.frozenRows > 0 || sheet.frozenCols > 0;
    const target = workbook.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      views: frozen
        ? [{ state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows }]
        : [],
    });
    for (const [col, width] of sheet.columnWidths) {
      target.getColumn(col).width = Math.round((width / PX_PER_CHAR) * 100) / 100;
    }
    sheet.rows.forEach((cells, r) => {
      cells?.forEach((cell, c) => {
        if (!cell) return;
        const targetCell = target.getCell(r + 1, c + 1);
        targetCell.value = cellValue(cell);
        if (cell.format && cell.format !== GENERAL) targetCell.numFmt = excelFormat(cell.format);
        if (cell.bold) targetCell.font = { bold: true };
        if (cell.background && /^#[0-9a-f]{6}$/i.test(cell.background)) {
          const argb = `FF${cell.background.slice(1).toUpperCase()}`;
          targetCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
        }
        if (cell.align && cell.align !== 'normal' && cell.align !== 'general') {
          targetCell.alignment = { horizontal: cell.align as 'left' | 'center' | 'right' };
        }
        if (cell.note) targetCell.note = cell.note;
      });
    });
  }
  await workbook.xlsx.writeFile(path);
}
