/**
 * One insights table as CSV (RFC 4180: comma-separated, CRLF, fields with commas, quotes or
 * line breaks quoted). Durations are exported in seconds and rates as fractions, so a
 * spreadsheet can compute with them; a text cell that a spreadsheet would run as a formula
 * (=, +, -, @) is prefixed with an apostrophe.
 */
export type CsvValue = string | number | null;

function field(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function tableCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}
