import { sql, type SQL } from "drizzle-orm";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { headlineHtml, headlineSegments, MARK_START, MARK_STOP } from "@/lib/knowledge/highlight-marks";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { selectRows, withIndexScans } from "@/db/raw-queries";
import { SEARCH_TYPES, searchInput, type SearchType } from "./inputs";
import type { SearchResult } from "./views";

/**
 * Matches ranked per type at most, taken straight from the GIN index unordered: ordering them
 * all would rank every document containing a common word of a large archive.
 */
const PREFILTER = 500;

interface Row {
  type: SearchType;
  id: string;
  title: string;
  number: number | null;
  rank: number | string;
  headline: string;
}

/**
 * Highlighting parses the whole text it is given, and an incident's document may hold 200 KB
 * of notes: the snippet is taken from the leading part (a match beyond it still ranks, its
 * snippet is then the text's opening words).
 */
const HEADLINE_INPUT_CHARS = 20_000;

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Each type is one index-backed query (same expression as its GIN index), bounded before it
 * is ranked; it answers the text to highlight, and ts_headline (the costly part) runs only on
 * the rows shown, after the types are merged.
 */
function queryFor(type: SearchType, organizationId: string, limit: number): SQL {
  switch (type) {
    case "incident":
      return sql`select 'incident' as type, i.id, i.title, i.number, r.rank, r.document as text
                 from (select p.incident_id, p.document, ts_rank_cd(p.search_vector, t.tsq) as rank
                       from (select k.incident_id, k.document, k.search_vector from incident_knowledge k, t where k.organization_id = ${organizationId}
                               and k.search_vector @@ t.tsq limit ${PREFILTER}) p, t
                       order by rank desc limit ${limit}) r
                 join incident i on i.id = r.incident_id`;
    case "postmortem":
      return sql`select 'postmortem' as type, i.id, i.title, i.number, r.rank, coalesce(p.text, r.postmortem_text) as text
                 from (select f.incident_id, f.postmortem_text, ts_rank_cd(f.postmortem_vector, t.tsq) as rank
                       from (select k.incident_id, k.postmortem_text, k.postmortem_vector from incident_knowledge k, t where k.organization_id = ${organizationId}
                               and k.postmortem_text is not null and k.postmortem_vector @@ t.tsq
                             limit ${PREFILTER}) f, t
                       order by rank desc limit ${limit}) r
                 join incident i on i.id = r.incident_id left join postmortem p on p.incident_id = r.incident_id`;
    case "runbook":
      return sql`select 'runbook' as type, b.id, b.title, null::int as number,
                   ts_rank_cd(to_tsvector('english', b.title || ' ' || b.body), t.tsq) as rank, b.body as text
                 from runbook b, t where b.organization_id = ${organizationId}
                   and to_tsvector('english', b.title || ' ' || b.body) @@ t.tsq order by rank desc limit ${limit}`;
    case "timeline":
      return sql`select 'timeline' as type, i.id, e.title, i.number, e.rank, e.text
                 from (select ev.incident_id, ev.title, coalesce(ev.body, ev.title) as text,
                              ts_rank_cd(to_tsvector('english', ev.title || ' ' || coalesce(ev.body, '')), t.tsq) as rank
                       from (select * from timeline_event ev0, t where ev0.organization_id = ${organizationId}
                               and to_tsvector('english', ev0.title || ' ' || coalesce(ev0.body, '')) @@ t.tsq
                             limit ${PREFILTER}) ev, t
                       order by rank desc limit ${limit}) e
                 join incident i on i.id = e.incident_id`;
  }
}

function hrefOf(row: Row): string {
  if (row.type === "runbook") return `/runbooks/${row.id}`;
  const ref = formatIncidentRef(row.number ?? 0);
  return row.type === "postmortem" ? `/incidents/${ref}/postmortem` : `/incidents/${ref}`;
}

/**
 * Full-text search across incidents, postmortems, runbooks and timeline notes. Any input is
 * safe: websearch_to_tsquery accepts every string (quotes, operators, stray parentheses).
 */
export async function searchKnowledge(ctx: ServiceContext, rawQuery: Record<string, unknown>): Promise<{ items: SearchResult[] }> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(searchInput, rawQuery);
  if (!input.q.trim()) return { items: [] };
  const types = input.type ? [input.type] : SEARCH_TYPES;
  const parts = types.map((type) => sql`(${queryFor(type, ctx.organizationId, input.limit)})`);
  const rows = await withIndexScans(ctx.db, (tx) =>
    selectRows<Row>(
    tx,
    sql`with t as (select websearch_to_tsquery('english', ${input.q}) as tsq)
        select s.type, s.id, s.title, s.number, s.rank,
               ts_headline('english', translate(left(coalesce(s.text, ''), ${HEADLINE_INPUT_CHARS}), ${MARK_START + MARK_STOP}, ''), t.tsq, ${HEADLINE_OPTIONS}) as headline
        from (select * from (${sql.join(parts, sql` union all `)}) u order by rank desc limit ${input.limit}) s, t
        order by s.rank desc`,
    ),
  );
  return {
    items: rows.map((row) => ({
      type: row.type,
      id: row.id,
      title: row.title,
      incidentRef: row.number === null ? null : formatIncidentRef(row.number),
      href: hrefOf(row),
      snippet: headlineHtml(row.headline ?? ""),
      highlights: headlineSegments(row.headline ?? ""),
      rank: Number(row.rank),
    })),
  };
}
