import { and, eq } from "drizzle-orm";
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { service, team } from "@/db/schema";
import { NotFoundError } from "../../errors";

/** What a question is about: the whole organisation, a team's services, or one service. */
export interface InsightScope {
  organizationId: string;
  team: { id: string; slug: string } | null;
  service: { id: string; slug: string } | null;
}

/** Finds the team and service named by slug in the organisation (404 when there is none). */
export async function resolveScope(db: Queryable, organizationId: string, slugs: { team?: string; service?: string }): Promise<InsightScope> {
  const scope: InsightScope = { organizationId, team: null, service: null };
  if (slugs.team) {
    const [row] = await db.select({ id: team.id, slug: team.slug }).from(team).where(and(eq(team.organizationId, organizationId), eq(team.slug, slugs.team)));
    if (!row) throw new NotFoundError(`Team ${slugs.team}`);
    scope.team = row;
  }
  if (slugs.service) {
    const [row] = await db.select({ id: service.id, slug: service.slug }).from(service).where(and(eq(service.organizationId, organizationId), eq(service.slug, slugs.service)));
    if (!row) throw new NotFoundError(`Service ${slugs.service}`);
    scope.service = row;
  }
  return scope;
}

/** A condition on a service id column: true for the whole organisation. */
export function serviceInScope(column: SQL, scope: InsightScope): SQL {
  const conditions: SQL[] = [];
  if (scope.service) conditions.push(sql`${column} = ${scope.service.id}`);
  if (scope.team) conditions.push(sql`${column} in (select id from service where team_id = ${scope.team.id})`);
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}

/** A condition on an incident id column: the incident touches a service in scope. */
export function incidentInScope(column: SQL, scope: InsightScope): SQL {
  if (!scope.team && !scope.service) return sql`true`;
  return sql`exists (select 1 from incident_service scoped where scoped.incident_id = ${column} and ${serviceInScope(sql`scoped.service_id`, scope)})`;
}

/** `column in (values)` for a non-empty list of constants. */
export function oneOf(column: SQL, values: readonly string[]): SQL {
  return sql`${column} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;
}

/**
 * Seconds as a float8. date_part, not extract: extract answers numeric (since PostgreSQL 14),
 * and computing and casting a numeric per incident and key time was a third of the key-time
 * statement (a year of bench:insights, 46,000 incidents: 104 ms against 71 ms).
 */
export function seconds(later: SQL, earlier: SQL): SQL {
  return sql`date_part('epoch', ${later} - ${earlier})`;
}
