import { inputLimits, inspectZip } from "../../../core/cli/input-file.ts";

/**
 * Kumu's layout goes through its own reader (seeds/import/read-kumu-file.ts): a workbook with an
 * Elements sheet, or the NAME-elements.csv that Kumu (and our export) writes. Anything else is a
 * spreadsheet of the alliance's own shape.
 */
export async function isKumuFile(bytes: Buffer, file: string): Promise<boolean> {
  if (/elements\.csv$/i.test(file)) return true;
  if (!bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return false;
  const zip = await inspectZip(bytes, inputLimits.spreadsheetInflatedBytes, "spreadsheet", file);
  return /<sheet\b[^>]*\bname="\s*Elements\s*"/i.test(zip.read("xl/workbook.xml")?.toString("utf8") ?? "");
}
