import type { IncidentStatus } from "@/lib/core/incident-lifecycle";
import type { IncidentRole } from "@/lib/core/incident-roles";
import type { Severity } from "@/lib/core/severity";

/**
 * The shape of a demo incident story: plain data with times relative to the moment the
 * seed runs, so the demo always looks recent. Replayed into rows by demo-incidents.ts.
 */

/** Demo members who may write to incidents (admin, responder, editor), by story name. */
export const DEMO_STORY_PEOPLE = {
  dana: "demo@demo-bank.example",
  rafael: "rafael.responder@demo-bank.example",
  erin: "erin.editor@demo-bank.example",
} as const;
export type DemoPerson = keyof typeof DEMO_STORY_PEOPLE;

/** When the trouble started: a UTC time of day some days back, or minutes before the seed. */
export type StoryStart = { daysAgo: number; utc: `${number}:${number}` } | { minutesAgo: number };

/** One change or note, `at` minutes after the story started (non-decreasing). */
type StoryStep = { at: number; by: DemoPerson } & (
  | { note: string; highlight?: boolean }
  | { status: IncidentStatus }
  | { severity: Severity }
  | { assign: IncidentRole; to: DemoPerson }
  | { services: { add?: string[]; remove?: string[] } }
  | { title: string }
  | { summary: string }
);

export interface DemoIncidentStory {
  start: StoryStart;
  /** Minutes from the start until an alert or a person noticed (> 0, before the declaration). */
  detectedAfter: number;
  declared: {
    at: number;
    by: DemoPerson;
    title: string;
    severity: Severity;
    status: "triggered" | "investigating";
    services: string[];
    summary: string;
  };
  steps: StoryStep[];
}

export const HOUR = 60;
export const DAY = 24 * HOUR;

/** Joins Markdown lines, so multi-line notes read naturally in the source. */
export function md(...lines: string[]): string {
  return lines.join("\n");
}
