import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";

/**
 * The one definition of a live event: what a verb NOTIFYs when something an open page shows
 * has changed, and what every web process decodes on LISTEN before fanning it out over SSE.
 * Verbs publish with publishLiveEvent (./publish-live-event.ts); statements that notify per
 * row they write build the same payload in SQL with liveEventSql.
 */

export const LIVE_CHANNEL = "logbook_live";

/** what changed: an incident, its timeline, an alert, a change, a delivery, a postmortem */
const LIVE_EVENT_TYPES = ["incident", "timeline", "alert", "change", "delivery", "postmortem"] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

const liveEventSchema = z.object({
  organizationId: z.string(),
  type: z.enum(LIVE_EVENT_TYPES),
  id: z.string(),
  incidentId: z.string().optional(),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;

/** The NOTIFY payload: the fields in a fixed order, incidentId only when there is one. */
export function encodeLiveEvent(event: LiveEvent): string {
  const { organizationId, type, id, incidentId } = event;
  return JSON.stringify(incidentId === undefined ? { organizationId, type, id } : { organizationId, type, id, incidentId });
}

/** A NOTIFY payload as a live event, or null when it is not one (not JSON, or the wrong shape). */
export function decodeLiveEvent(payload: string): LiveEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  const event = liveEventSchema.safeParse(json);
  return event.success ? event.data : null;
}

/** A value of the payload: a string (sent as a parameter) or SQL, e.g. a column of the statement's rows. */
type LiveEventValue = string | SQL;

const textValue = (value: LiveEventValue): SQL => (typeof value === "string" ? sql`${value}::text` : value);

/**
 * The payload encodeLiveEvent makes, built by PostgreSQL: for the ingest and correlation
 * statements that notify once per row they write (`select pg_notify(LIVE_CHANNEL,
 * liveEventSql({ …, id: sql`u.id` })) from u`), so those rows need no round trip back to
 * Node.js. Parameters are cast to text: json_build_object cannot infer their type.
 */
export function liveEventSql(event: { organizationId: LiveEventValue; type: LiveEventType; id: LiveEventValue; incidentId?: LiveEventValue }): SQL {
  // The type goes into the statement as a literal (one statement text per type, as before);
  // it is one of LIVE_EVENT_TYPES, never caller text.
  const type = liveEventSchema.shape.type.parse(event.type);
  const fields = [sql`'organizationId', ${textValue(event.organizationId)}`, sql`'type', ${sql.raw(`'${type}'`)}`, sql`'id', ${textValue(event.id)}`];
  if (event.incidentId !== undefined) fields.push(sql`'incidentId', ${textValue(event.incidentId)}`);
  return sql`json_build_object(${sql.join(fields, sql`, `)})::text`;
}
