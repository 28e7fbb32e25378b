/**
 * CSV injection (OWASP): a spreadsheet program runs a cell that begins with =, +, -, @, a tab or a
 * carriage return as a formula. Exported text cells that begin so get a leading apostrophe, which
 * spreadsheets show as text; our importers take it off again, so that a round trip changes nothing.
 */
// Text that already begins with apostrophes before such a character gets one more, so that taking
// one off on import gives it back exactly ("'=x" is written "''=x").
const needsApostrophe = /^'*[=+\-@\t\r]/;

export function neutralizeCell<T>(value: T): T | string {
  return typeof value === "string" && needsApostrophe.test(value) ? `'${value}` : value;
}

/** The value an exported cell held: an apostrophe before a formula's first character is ours. */
export function restoreCell<T>(value: T): T | string {
  return typeof value === "string" && value.startsWith("'") && needsApostrophe.test(value.slice(1)) ? value.slice(1) : value;
}
