import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { SimilarityCandidate } from "@/lib/similarity/similarity-ranker";
import { selectRows, withIndexScans } from "./sql-rows";

export interface CandidateRow extends SimilarityCandidate {
  number: number;
  title: string;
  externalId: string | null;
  resolution: string | null;
}

interface RawCandidate {
  incident_id: string;
  text_rank: number | string;
  trigram: number | string;
  document: string;
  alert_names: string[];
  change_kinds: string[];
  root_cause_codes: string[];
  resolution: string | null;
  number: number;
  title: string;
  external_id: string | null;
  services: string[] | null;
}

export const CANDIDATE_LIMIT = 100;
/** Documents ranked per full-text stage at most: bounds the cost on a large archive. */
export const PREFILTER_LIMIT = 300;

function textArray(values: string[]): SQL {
  return values.length === 0 ? sql`array[]::text[]` : sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
}

/**
 * Past (resolved or closed) incidents that could be like the query: the union of the best
 * full-text matches and the best trigram matches. Two index-backed queries joined by UNION,
 * not one WHERE with OR, which would scan every document.
 */
export async function findCandidates(
  db: Queryable,
  organizationId: string,
  input: { orQuery: string; andQuery: string; shortText: string; excludeId: string | null },
): Promise<CandidateRow[]> {
  const exclude = input.excludeId ?? "";
  // Each full-text stage ranks a bounded pre-filter taken straight from the GIN index on the
  // stored search vector, unordered (ordering would rank every match of a common term): documents with all of the leading four terms, with
  // the leading two, and with any term. The stricter stages carry relevance on a large archive.
  const ranked = (match: SQL) =>
    sql`select x.incident_id, ts_rank_cd(x.search_vector, websearch_to_tsquery('english', ${input.orQuery}), 32) as text_rank, 0::real as trigram
        from (select k.incident_id, k.search_vector from incident_knowledge k
              where k.organization_id = ${organizationId} and k.search_vector @@ ${match} and k.incident_id <> ${exclude}
              limit ${PREFILTER_LIMIT}) x
        order by text_rank desc limit ${CANDIDATE_LIMIT}`;
  const leading = input.andQuery.split(" ").filter(Boolean);
  const stages = [
    leading.length > 2 ? ranked(sql`plainto_tsquery('english', ${leading.join(" ")})`) : null,
    leading.length > 0 ? ranked(sql`plainto_tsquery('english', ${leading.slice(0, 2).join(" ")})`) : null,
    input.orQuery ? ranked(sql`websearch_to_tsquery('english', ${input.orQuery})`) : null,
  ];
  // Trigram similarity of titles (short, indexed) catches misspellings full text misses.
  const trigram =
    input.shortText.length >= 3
      ? sql`select i.id as incident_id, 0::real as text_rank, similarity(i.title, ${input.shortText}) as trigram
          from incident i where i.organization_id = ${organizationId} and i.title % ${input.shortText}
            and i.status in ('resolved', 'closed') and i.id <> ${exclude}
          order by trigram desc limit ${CANDIDATE_LIMIT / 2}`
      : null;
  const parts = [...stages, trigram].filter((p): p is SQL => p !== null);
  if (parts.length === 0) return [];
  const union = sql.join(parts.map((p) => sql`(${p})`), sql` union all `);
  const rows = await withIndexScans(db, (tx) =>
    selectRows<RawCandidate>(
    tx,
    sql`with c as (select incident_id, max(text_rank) as text_rank, max(trigram) as trigram from (${union}) u group by incident_id)
        select c.incident_id, c.text_rank, c.trigram, k.document, k.alert_names, k.change_kinds, k.root_cause_codes, k.resolution,
               i.number, i.title, i.external_id,
               (select json_agg(s.slug) from incident_service x join service s on s.id = x.service_id where x.incident_id = i.id) as services
        from c join incident_knowledge k on k.incident_id = c.incident_id join incident i on i.id = c.incident_id
        where i.status in ('resolved', 'closed')`,
    ),
  );
  return rows.map((r) => ({
    id: r.incident_id,
    textRank: Number(r.text_rank),
    trigram: Number(r.trigram),
    document: r.document,
    services: r.services ?? [],
    alertNames: r.alert_names,
    changeKinds: r.change_kinds,
    rootCauseCodes: r.root_cause_codes,
    number: r.number,
    title: r.title,
    externalId: r.external_id,
    resolution: r.resolution,
  }));
}

export interface RecurrenceRow {
  id: string;
  number: number;
  title: string;
  external_id: string | null;
  alert_names: string[];
  service: string;
}

/** A past incident resolved in the last 30 days sharing an alert name and a service: a recurrence. */
export async function findRecurrence(
  db: Queryable,
  organizationId: string,
  input: { excludeId: string; alertNames: string[]; services: string[] },
): Promise<RecurrenceRow | null> {
  if (input.alertNames.length === 0 || input.services.length === 0) return null;
  const [row] = await selectRows<RecurrenceRow>(
    db,
    sql`select i.id, i.number, i.title, i.external_id, k.alert_names, s.slug as service
        from incident i join incident_knowledge k on k.incident_id = i.id
             join incident_service x on x.incident_id = i.id join service s on s.id = x.service_id
        where i.organization_id = ${organizationId} and i.id <> ${input.excludeId}
          and i.status in ('resolved', 'closed') and i.resolved_at > now() - interval '30 days'
          and k.alert_names ?| ${textArray(input.alertNames)} and s.slug = any(${textArray(input.services)})
        order by i.resolved_at desc limit 1`,
  );
  return row ?? null;
}
