/**
 * CSV injection (OWASP): a spreadsheet program runs a cell that begins with =, +, -, @, a tab or a
 * carriage return as a formula. Exported text cells that begin so get a leading apostrophe, which
 * spreadsheets show as text; our importers take it off again, so that a round trip changes nothing.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function neutralizeCell<T>(value: T): T | string {
  return typeof value === "string" && formulaStart.test(value) ? `'${value}` : value;
}

/** The value an exported cell held: an apostrophe before a formula's first character is ours. */
export function restoreCell<T>(value: T): T | string {
  return typeof value === "string" && value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}
