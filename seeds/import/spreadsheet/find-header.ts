/**
 * The header of a sheet: its first row that is as wide as the data and made of words. A title
 * ("Liste des alliés — mars 2025") or a note above it is skipped; a sheet of numbers only keeps
 * its first row, which the column mapping then shows for what it is.
 */
export function findHeaderLine<R extends { line: number; cells: (string | null)[] }>(rows: R[]): R | undefined {
  const filled = (row: R) => row.cells.filter((c) => c !== null);
  const widest = Math.max(0, ...rows.map((row) => filled(row).length));
  const wordy = (row: R) => filled(row).filter((c) => /\p{L}/u.test(c!) && !/^=/.test(c!) && c!.length <= 80).length;
  return (
    rows.find((row) => filled(row).length >= Math.max(2, Math.ceil(widest * 0.6)) && wordy(row) >= filled(row).length * 0.8) ?? rows[0]
  );
}
