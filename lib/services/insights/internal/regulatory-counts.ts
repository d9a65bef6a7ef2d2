import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { selectRows } from "@/db/raw-queries";
import type { InsightsView } from "../views";
import { incidentsInRange, type IncidentFilter } from "./incident-metrics";

/**
 * Regulatory reports (DORA, NIS2, GDPR) of the incidents asked about: on time when submitted
 * by their deadline; late when submitted after it, or still unsubmitted past it. The deadline
 * is the report's stored due time (set from the clocks whenever the report changes).
 */
export async function regulatoryCounts(db: Queryable, filter: IncidentFilter, now: Date): Promise<InsightsView["regulatory"]> {
  const [row] = await selectRows<{ reports: number; on_time: number; late: number }>(
    db,
    sql`select count(*)::int as reports,
               count(*) filter (where r.submitted_at is not null and r.due_at is not null and r.submitted_at <= r.due_at)::int as on_time,
               count(*) filter (where r.due_at is not null and coalesce(r.submitted_at, ${now.toISOString()}::timestamptz) > r.due_at)::int as late
        from incident i join regulatory_report r on r.incident_id = i.id
        where ${incidentsInRange(filter)} and r.organization_id = ${filter.scope.organizationId}`,
  );
  return { reports: Number(row?.reports ?? 0), onTime: Number(row?.on_time ?? 0), late: Number(row?.late ?? 0) };
}
