import { and, eq } from "drizzle-orm";
import { incident } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { parseIncidentRef } from "@/lib/core/incident-reference";
import { NotFoundError } from "../errors";
import type { IncidentRow } from "./views";

/**
 * An incident of the organisation by id or reference (INC-42). Another organisation's
 * incident is "not found", never "forbidden", so ids leak nothing.
 */
export async function findIncident(db: Queryable, organizationId: string, idOrRef: string, forUpdate = false): Promise<IncidentRow> {
  const number = parseIncidentRef(idOrRef);
  const where =
    number !== null
      ? and(eq(incident.organizationId, organizationId), eq(incident.number, number))
      : and(eq(incident.organizationId, organizationId), eq(incident.id, idOrRef));
  const query = db.select().from(incident).where(where).limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw new NotFoundError(`Incident ${idOrRef}`);
  return row;
}
