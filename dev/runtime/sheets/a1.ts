// A1 notation: column letters, parsing 'A1', 'A1:C3', 'A:C', '2:5', 'A2:C' and 'Sheet!A1' into grid
// coordinates (1-based), and printing coordinates back.

export interface GridRef {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

interface Corner {
  col: number | null;
  row: number | null;
}

function corner(text: string): Corner | null {
  const match = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(text);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const row = match[2] === '' ? null : Number(match[2]);
  if (row === 0) return null;
  return { col: match[1] === '' ? null : columnNumber(match[1]), row };
}

/** Splits 'Sheet 1'!A1 into the sheet name and the range part. */
export function splitSheetName(a1: string): { sheet: string | null; range: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(a1);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), range: quoted[2] };
  const plain = /^([^!']+)!(.+)$/.exec(a1);
  if (plain) return { sheet: plain[1], range: plain[2] };
  return { sheet: null, range: a1 };
}

/** Open ends ('A:A', 'A2:B', '3:3') reach the sheet's current edges. Null when not A1. */
export function parseA1(range: string, maxRows: number, maxCols: number): GridRef | null {
  const parts = range.trim().split(':');
  if (parts.length > 2) return null;
  const start = corner(parts[0]);
  const end = parts.length === 2 ? corner(parts[1]) : start;
  if (!start || !end) return null;
  if (parts.length === 1 && (start.col === null || start.row === null)) return null;
  const wholeRows = start.col === null && end.col === null;
  const wholeCols = start.row === null && end.row === null;
  if ((start.col === null || end.col === null) && !wholeRows) return null;
  const c1 = start.col ?? 1;
  const c2 = end.col ?? maxCols;
  const r1 = start.row ?? 1;
  const r2 = end.row ?? (wholeCols || start.row !== null ? maxRows : 1);
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, numRows: Math.max(r1, r2) - row + 1, numCols: Math.max(c1, c2) - col + 1 };
}

export function toA1(ref: GridRef): string {
  const first = `${columnLetters(ref.col)}${ref.row}`;
  if (ref.numRows === 1 && ref.numCols === 1) return first;
  const lastRow = ref.row + ref.numRows - 1;
  return `${first}:${columnLetters(ref.col + ref.numCols - 1)}${lastRow}`;
}
