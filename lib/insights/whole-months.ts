/**
 * The calendar months (UTC) wholly inside [from, to), as the first instants of the first and
 * of the one after the last, [start, end); none (start = end = to) when the range holds no
 * whole month. Delivery health counts whole months from change_month_count and the
 * part-months at the ends, [from, start) and [end, to), from the change feed.
 */
export function wholeMonths(from: Date, to: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  if (start < from) start.setUTCMonth(start.getUTCMonth() + 1);
  const end = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), 1));
  return start < end ? { start, end } : { start: new Date(to), end: new Date(to) };
}
