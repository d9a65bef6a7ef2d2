import Holidays from "date-holidays";
import { MEMBER_STATE_TIME_ZONES, type MemberState } from "./regimes";

/**
 * Calendar arithmetic for the clocks: which days are working days in a Member State, and
 * what "12:00 of the next working day" is in UTC. Bank holidays are the public and bank
 * holidays of `date-holidays` for the country (observances such as Denmark's Constitution
 * Day are not counted: the library lists them as observances, not days off).
 */

const HOLIDAY_TYPES = new Set(["public", "bank"]);
const calendars = new Map<MemberState, Holidays>();
const holidayDays = new Map<string, Map<string, string>>();

function calendar(country: MemberState): Holidays {
  let hd = calendars.get(country);
  if (!hd) {
    hd = new Holidays(country);
    calendars.set(country, hd);
  }
  return hd;
}

/** The bank holidays of a year as "YYYY-MM-DD" → name. */
function holidaysOf(country: MemberState, year: number): Map<string, string> {
  const key = `${country}:${year}`;
  let days = holidayDays.get(key);
  if (!days) {
    days = new Map();
    for (const h of calendar(country).getHolidays(year)) if (HOLIDAY_TYPES.has(h.type)) days.set(h.date.slice(0, 10), h.name);
    holidayDays.set(key, days);
  }
  return days;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timeZone: string): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** Milliseconds the zone is ahead of UTC at that instant (CET +1 h, CEST +2 h). */
function zoneOffset(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The UTC instant of a local wall-clock time (resolved twice: the offset can change across DST). */
function zonedTimeToUtc(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  let at = new Date(wall - zoneOffset(new Date(wall), timeZone));
  at = new Date(wall - zoneOffset(at, timeZone));
  return at;
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface NonWorkingDay {
  /** the local date, "YYYY-MM-DD" */
  date: string;
  /** "Saturday", "Sunday", or the holiday's name */
  reason: string;
}

/** Why the local day of `at` in the country is not a working day, or null when it is one. */
export function nonWorkingDay(at: Date, country: MemberState): NonWorkingDay | null {
  const p = localParts(at, MEMBER_STATE_TIME_ZONES[country]);
  const date = isoDay(p.year, p.month, p.day);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  if (weekday === 6) return { date, reason: "Saturday" };
  if (weekday === 0) return { date, reason: "Sunday" };
  const holiday = holidaysOf(country, p.year).get(date);
  return holiday ? { date, reason: `bank holiday (${holiday})` } : null;
}

/** 12:00 local time of the first working day after the local day of `at`, as a UTC instant. */
export function noonOfNextWorkingDay(at: Date, country: MemberState): Date {
  const timeZone = MEMBER_STATE_TIME_ZONES[country];
  const p = localParts(at, timeZone);
  // Walk calendar days in the local calendar; noon is never skipped or doubled by DST.
  for (let i = 1; i <= 30; i++) {
    const day = new Date(Date.UTC(p.year, p.month - 1, p.day + i));
    const noon = zonedTimeToUtc(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 12, timeZone);
    if (!nonWorkingDay(noon, country)) return noon;
  }
  throw new Error(`No working day within 30 days after ${at.toISOString()} in ${country}`);
}

/** The local date and time of an instant, "2026-12-24 13:00 Europe/Copenhagen", for rule texts. */
export function localTimeText(at: Date, country: MemberState): string {
  const timeZone = MEMBER_STATE_TIME_ZONES[country];
  const p = localParts(at, timeZone);
  return `${isoDay(p.year, p.month, p.day)} ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")} ${timeZone}`;
}

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * 3_600_000);
}

/**
 * The same time of day one or more calendar months later (UTC), or the end of the last day
 * of that month when it has no such day (31 January + 1 month = end of 28/29 February):
 * "one month after the submission" read as a calendar month, never as 30 days.
 */
export function addCalendarMonths(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  if (at.getUTCDate() > lastDay) return new Date(Date.UTC(y, m, lastDay, 23, 59, 59, 999));
  return new Date(Date.UTC(y, m, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds()));
}
