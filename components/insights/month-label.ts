const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-03" → "Mar 26" (axis) or "Mar 2026" (tooltips). */
export function monthLabel(month: string, long = false): string {
  const [year, index] = month.split("-");
  const name = MONTHS[Number(index) - 1] ?? month;
  return long ? `${name} ${year}` : `${name} ${year?.slice(2)}`;
}

/** Every month from `from` to `to` (exclusive), as YYYY-MM, so charts show empty months too. */
export function monthsBetween(from: string, to: string): string[] {
  const start = new Date(from);
  const end = new Date(to);
  const months: string[] = [];
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)); d < end; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    months.push(d.toISOString().slice(0, 7));
    if (months.length > 60) break;
  }
  return months;
}
