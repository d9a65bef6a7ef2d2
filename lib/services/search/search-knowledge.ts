import { sql, type SQL } from "drizzle-orm";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { headlineHtml, headlineSegments, MARK_START, MARK_STOP } from "@/lib/knowledge/highlight-marks";
import { markdownToPlainText } from "@/lib/knowledge/markdown-plain-text";
import { prefixTsquery } from "@/lib/knowledge/search-prefixes";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { selectRows, withIndexScans } from "@/db/raw-queries";
import { SEARCH_TYPES, searchInput, type SearchType } from "./inputs";
import type { SearchAnswer } from "./views";

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
  text: string | null;
  fuzzy: boolean;
}

/** Fewer full-text results than this, and titles spelt like the query are looked for too. */
const FUZZY_BELOW = 5;
const FUZZY_LIMIT = 10;

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

/** How many of each type match, up to PREFILTER each (index-only work, no ranking). */
function countsFor(organizationId: string): SQL {
  const capped = (from: SQL) => sql`(select count(*) from (select 1 ${from} limit ${PREFILTER}) x)`;
  return sql`select ${capped(sql`from incident_knowledge k, t where k.organization_id = ${organizationId} and k.search_vector @@ t.tsq`)} as incident,
    ${capped(sql`from incident_knowledge k, t where k.organization_id = ${organizationId} and k.postmortem_text is not null and k.postmortem_vector @@ t.tsq`)} as postmortem,
    ${capped(sql`from runbook b, t where b.organization_id = ${organizationId} and to_tsvector('english', b.title || ' ' || b.body) @@ t.tsq`)} as runbook,
    ${capped(sql`from timeline_event ev0, t where ev0.organization_id = ${organizationId} and to_tsvector('english', ev0.title || ' ' || coalesce(ev0.body, '')) @@ t.tsq`)} as timeline`;
}

/**
 * Incidents and runbooks whose title is spelt like the query, word by word (pg_trgm's word
 * similarity, index-backed for incidents): what a typo ("postgress") still finds.
 */
function fuzzyFor(types: readonly SearchType[], organizationId: string, q: string): SQL | null {
  const parts: SQL[] = [];
  if (types.includes("incident")) {
    parts.push(sql`(select 'incident' as type, i.id, i.title, i.number, word_similarity(${q}, i.title) * 0.01 as rank, k.document as text, true as fuzzy
                    from incident i left join incident_knowledge k on k.incident_id = i.id
                    where i.organization_id = ${organizationId} and ${q} <% i.title
                    order by word_similarity(${q}, i.title) desc limit ${FUZZY_LIMIT})`);
  }
  if (types.includes("runbook")) {
    parts.push(sql`(select 'runbook' as type, b.id, b.title, null::int as number, word_similarity(${q}, b.title) * 0.01 as rank, b.body as text, true as fuzzy
                    from runbook b where b.organization_id = ${organizationId} and ${q} <% b.title
                    order by word_similarity(${q}, b.title) desc limit ${FUZZY_LIMIT})`);
  }
  return parts.length > 0 ? sql.join(parts, sql` union all `) : null;
}

/**
 * Full-text search across incidents, postmortems, runbooks and timeline notes, with English
 * stemming, the query's words also matched as prefixes, titles spelt alike when words find
 * little, and a count per type. Any input is safe: websearch_to_tsquery accepts every string
 * (quotes, operators, stray parentheses) and the prefix query holds only letters and digits.
 * Snippets are plain text: Markdown is removed before the matches are highlighted.
 */
export async function searchKnowledge(ctx: ServiceContext, rawQuery: Record<string, unknown>): Promise<SearchAnswer> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(searchInput, rawQuery);
  const none = { incident: 0, postmortem: 0, runbook: 0, timeline: 0 };
  if (!input.q.trim()) return { items: [], counts: none, countLimit: PREFILTER };
  const types = input.type ? [input.type] : SEARCH_TYPES;
  const prefixes = prefixTsquery(input.q);
  const tsq = prefixes
    ? sql`websearch_to_tsquery('english', ${input.q}) || to_tsquery('english', ${prefixes})`
    : sql`websearch_to_tsquery('english', ${input.q})`;
  const parts = types.map((type) => sql`(${queryFor(type, ctx.organizationId, input.limit)})`);
  const { rows, counts, headlines } = await withIndexScans(ctx.db, async (tx) => {
    let found = await selectRows<Row>(
      tx,
      sql`with t as (select ${tsq} as tsq)
          select s.type, s.id, s.title, s.number, s.rank, left(coalesce(s.text, ''), ${HEADLINE_INPUT_CHARS}) as text, false as fuzzy
          from (select * from (${sql.join(parts, sql` union all `)}) u order by rank desc limit ${input.limit}) s
          order by s.rank desc`,
    );
    // Without three letters in a row the query has no trigrams, and the title index cannot help.
    const fuzzy = found.length < FUZZY_BELOW && /[\p{L}\p{N}]{3}/u.test(input.q) ? fuzzyFor(types, ctx.organizationId, input.q.trim()) : null;
    if (fuzzy) {
      const seen = new Set(found.map((r) => `${r.type}:${r.id}`));
      const alike = await selectRows<Row>(tx, sql`select f.type, f.id, f.title, f.number, f.rank, left(coalesce(f.text, ''), ${HEADLINE_INPUT_CHARS}) as text, f.fuzzy from (${fuzzy}) f order by f.rank desc`);
      found = [...found, ...alike.filter((r) => !seen.has(`${r.type}:${r.id}`))].slice(0, input.limit);
    }
    const [count] = await selectRows<Record<SearchType, number | string>>(tx, sql`with t as (select ${tsq} as tsq) ${countsFor(ctx.organizationId)}`);
    // Highlighting (the costly part) runs only on the rows shown, on their text without Markdown.
    const plain = found.map((r) => markdownToPlainText(r.text ?? "").replace(/[\uE000\uE001]/g, ""));
    const marked =
      plain.length === 0
        ? []
        : await selectRows<{ headline: string }>(
            tx,
            sql`with t as (select ${tsq} as tsq)
                select ts_headline('english', x.body, t.tsq, ${HEADLINE_OPTIONS}) as headline
                from unnest(${textArray(plain)}) with ordinality as x(body, n), t order by x.n`,
          );
    return { rows: found, counts: count, headlines: marked.map((m) => m.headline) };
  });
  return {
    items: rows.map((row, i) => ({
      type: row.type,
      id: row.id,
      title: row.title,
      incidentRef: row.number === null ? null : formatIncidentRef(row.number),
      href: hrefOf(row),
      snippet: headlineHtml(headlines[i] ?? ""),
      highlights: headlineSegments(headlines[i] ?? ""),
      rank: Number(row.rank),
      fuzzy: row.fuzzy,
    })),
    counts: {
      incident: Number(counts?.incident ?? 0),
      postmortem: Number(counts?.postmortem ?? 0),
      runbook: Number(counts?.runbook ?? 0),
      timeline: Number(counts?.timeline ?? 0),
    },
    countLimit: PREFILTER,
  };
}

function textArray(values: string[]): SQL {
  return sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
}
