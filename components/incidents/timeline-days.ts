const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The calendar day of a moment, in the viewer's zone once hydrated, in UTC before. */
export function dayKey(iso: string, local: boolean): string {
  const date = new Date(iso);
  return local
    ? `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`
    : `${date.getUTCFullYear()}-${date.getUTCMonth()}-${date.getUTCDate()}`;
}

/** "Thu 1 May 2025", built by hand so the server and the browser agree on every byte. */
export function dayLabel(iso: string, local: boolean): string {
  const date = new Date(iso);
  if (local) return `${WEEKDAYS[date.getDay()]} ${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} (UTC)`;
}
