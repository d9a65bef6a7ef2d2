import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { actionItem, timelineEvent } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { equivalentWords } from "@/lib/knowledge/incident-vocabulary";
import { actionItemsFromPostmortem, resolutionFromPostmortem } from "@/lib/knowledge/postmortem-sections";
import { buildOrQuery } from "@/lib/knowledge/query-terms";
import type { QueryLexeme } from "@/lib/similarity/field-weighted-relevance";
import { parseTsvector } from "@/lib/similarity/lexeme-positions";
import type { SimilarityCandidate, SimilarityQuery, SimilarityRanker } from "@/lib/similarity/similarity-ranker";
import { selectRows, withIndexScans } from "@/db/raw-queries";
import type { SimilarIncidentView } from "./views";

interface CandidateRow extends SimilarityCandidate {
  number: number;
  title: string;
  externalId: string | null;
  resolution: string | null;
  postmortemText: string | null;
}

interface RawCandidate {
  incident_id: string;
  trigram: number | string;
  all_vector: string;
  title_vector: string;
  summary_vector: string;
  alert_names: string[];
  change_kinds: string[];
  root_cause_codes: string[];
  resolution: string | null;
  postmortem_text: string | null;
  number: number;
  title: string;
  external_id: string | null;
  services: string[] | null;
}

const CANDIDATE_LIMIT = 100;
/** Documents ranked per full-text stage at most: bounds the cost on a large archive. */
const PREFILTER_LIMIT = 300;
/**
 * Below this many full-text candidates the title trigram search runs too (a misspelt or
 * unusual query). Above it, trigram similarity is only computed for the candidates found:
 * a trigram index search over every title costs 100-500 ms on 100,000 incidents, because
 * a long query shares some trigrams with most titles.
 */
const TRIGRAM_FALLBACK_BELOW = 20;

function textArray(values: string[]): SQL {
  return values.length === 0 ? sql`array[]::text[]` : sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
}

/**
 * Past (resolved or closed) incidents that could be like the query: the union of the best
 * full-text matches and, when those are few, the best trigram matches of titles. Index-backed
 * queries joined by UNION, not one WHERE with OR, which would scan every document; one round
 * trip, in which the executor skips a looser stage (a one-time filter) when the stricter ones
 * found enough.
 */
async function findCandidates(
  db: Queryable,
  organizationId: string,
  input: { orQuery: string; andQuery: string; shortText: string; excludeId: string | null },
): Promise<CandidateRow[]> {
  const exclude = input.excludeId ?? "";
  // Each full-text stage ranks a bounded pre-filter taken straight from the GIN index on the
  // stored search vector, unordered (ordering would rank every match of a common term):
  // documents with all of the leading four terms, with the leading two, and (only when those
  // found fewer than CANDIDATE_LIMIT) with any term. On a large archive the stricter stages
  // carry relevance, and the any-term stage would only rank 300 arbitrary documents that share
  // a common word; on a small one it is what finds anything at all.
  const ranked = (match: SQL, when: SQL = sql`true`) =>
    sql`select x.incident_id, ts_rank_cd(x.search_vector, websearch_to_tsquery('english', ${input.orQuery}), 32) as text_rank
        from (select k.incident_id, k.search_vector from incident_knowledge k
              where ${when} and k.organization_id = ${organizationId} and k.search_vector @@ ${match} and k.incident_id <> ${exclude}
              limit ${PREFILTER_LIMIT}) x
        order by text_rank desc limit ${CANDIDATE_LIMIT}`;
  const leading = input.andQuery.split(" ").filter(Boolean);
  const strict = [
    leading.length > 2 ? ranked(sql`plainto_tsquery('english', ${leading.join(" ")})`) : null,
    leading.length > 0 ? ranked(sql`plainto_tsquery('english', ${leading.slice(0, 2).join(" ")})`) : null,
  ].filter((p): p is SQL => p !== null);
  const loose = input.orQuery
    ? ranked(sql`websearch_to_tsquery('english', ${input.orQuery})`, sql`(select count(*) from strict) < ${CANDIDATE_LIMIT}`)
    : null;
  const withTrigram = input.shortText.length >= 3;
  if (!loose && !withTrigram) return [];
  const nothing = sql`select null::text as incident_id, 0::real as text_rank where false`;
  const union = (parts: SQL[]) => (parts.length ? sql.join(parts.map((p) => sql`(${p})`), sql` union all `) : nothing);
  // Trigram similarity of titles (short, indexed) catches misspellings full text misses.
  const trigramFallback = withTrigram
    ? sql`select i.id, 0::real from incident i
          where (select count(*) from fts) < ${TRIGRAM_FALLBACK_BELOW}
            and i.organization_id = ${organizationId} and i.title % ${input.shortText}
            and i.status in ('resolved', 'closed') and i.id <> ${exclude}
          order by similarity(i.title, ${input.shortText}) desc limit ${CANDIDATE_LIMIT / 2}`
    : null;
  const titleSimilarity = withTrigram ? sql`similarity(i.title, ${input.shortText})` : sql`0::real`;
  // Materialised, so that each one-time count reads rows already computed.
  const stages = sql`strict as materialized (select incident_id, max(text_rank) as text_rank from (${union(strict)}) u group by incident_id),
      fts as materialized (select incident_id, max(text_rank) as text_rank from (select * from strict union all (${loose ?? nothing})) u group by incident_id),
      c as (select incident_id, max(text_rank) as text_rank from (select * from fts union all (${trigramFallback ?? nothing})) u group by incident_id)`;
  const rows = await withIndexScans(db, (tx) =>
    selectRows<RawCandidate>(
      tx,
      sql`with ${stages}
        select c.incident_id, ${titleSimilarity} as trigram, k.search_vector::text as all_vector,
               to_tsvector('english', i.title)::text as title_vector, to_tsvector('english', i.summary)::text as summary_vector,
               k.alert_names, k.change_kinds, k.root_cause_codes, k.resolution, k.postmortem_text,
               i.number, i.title, i.external_id,
               (select json_agg(s.slug) from incident_service x join service s on s.id = x.service_id where x.incident_id = i.id) as services
        from c join incident_knowledge k on k.incident_id = c.incident_id join incident i on i.id = c.incident_id
        where i.status in ('resolved', 'closed')
        order by i.number desc`,
    ),
  );
  return rows.map((r) => ({
    id: r.incident_id,
    trigram: Number(r.trigram),
    fields: { title: parseTsvector(r.title_vector), summary: parseTsvector(r.summary_vector), all: parseTsvector(r.all_vector) },
    services: r.services ?? [],
    alertNames: r.alert_names,
    changeKinds: r.change_kinds,
    rootCauseCodes: r.root_cause_codes,
    number: r.number,
    title: r.title,
    externalId: r.external_id,
    resolution: r.resolution,
    postmortemText: r.postmortem_text,
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

/** What an import says of an incident's knowledge; what it leaves out is kept. */
export interface ImportedKnowledge {
  tags?: string[];
  rootCauseCodes?: string[];
  alertNames?: string[];
  resolution?: string;
  postmortemText?: string;
}

/** The leading terms (the title's, usually) that together pick the most specific matches. */
const SPECIFIC_TERMS = 4;
/** Documents of the organisation's archive its term frequencies are estimated from. */
const CORPUS_SAMPLE = 500;
/** A word the query only implies (another name for one of its words) counts this much of its own. */
const IMPLIED_WEIGHT = 0.5;
const MAX_IMPLIED = 20;

/** What the similarity verbs ask: the query's terms, the text they came from, and its structured facts. */
export interface SimilarityRequest {
  text: string;
  terms: string[];
  services: string[];
  alertNames: string[];
  changeKinds: string[];
  rootCauseCodes: string[];
  shortText: string;
  excludeId: string | null;
}

/**
 * The query's words as the index stems them (own words keep their position, for phrases),
 * and how many of a sample of the organisation's documents hold each: the IDF of this
 * archive, not of English. One round trip for the lexemes, one for the sample.
 */
async function describeQuery(db: Queryable, organizationId: string, terms: string[], implied: string[]): Promise<Pick<SimilarityQuery, "lexemes" | "corpus">> {
  const [vectors] = await selectRows<{ own: string; implied: string }>(
    db,
    sql`select to_tsvector('english', ${terms.join(" ")})::text as own, to_tsvector('english', ${implied.join(" ")})::text as implied`,
  );
  const lexemes: QueryLexeme[] = [];
  const seen = new Set<string>();
  for (const [lexeme, positions] of parseTsvector(vectors?.own)) {
    const position = positions[0] ?? 0;
    lexemes.push({ lexeme, term: terms[position - 1] ?? lexeme, weight: 1, position: position > 0 ? position : null });
    seen.add(lexeme);
  }
  for (const [lexeme, positions] of parseTsvector(vectors?.implied)) {
    if (seen.has(lexeme)) continue;
    lexemes.push({ lexeme, term: implied[(positions[0] ?? 0) - 1] ?? lexeme, weight: IMPLIED_WEIGHT, position: null });
  }
  if (lexemes.length === 0) return { lexemes, corpus: { documents: 0, holding: new Map() } };
  const [stats] = await selectRows<{ documents: number | string; holding: Record<string, number | string> | null }>(
    db,
    // The lexemes' queries are parsed once, not per sampled row; the sample is read in index
    // order so the same archive always gives the same figures.
    sql`with sample as materialized (
          select search_vector as v from incident_knowledge where organization_id = ${organizationId}
          order by organization_id limit ${CORPUS_SAMPLE}),
        q as materialized (select l, quote_literal(l)::tsquery as tq from unnest(${textArray(lexemes.map((l) => l.lexeme))}) as l)
        select (select count(*) from sample) as documents,
               (select json_object_agg(x.l, x.n) from (
                  select q.l, count(*) as n from sample s cross join q where s.v @@ q.tq group by q.l) x) as holding`,
  );
  const holding = new Map(Object.entries(stats?.holding ?? {}).map(([l, n]) => [l, Number(n)]));
  return { lexemes, corpus: { documents: Number(stats?.documents ?? 0), holding } };
}

/** Ranks the candidates for a query and describes the best `limit`: resolution, mitigation notes, action items. */
export async function rankAndDescribe(
  db: Queryable,
  organizationId: string,
  request: SimilarityRequest,
  limit: number,
  ranker: SimilarityRanker,
): Promise<SimilarIncidentView[]> {
  const own = new Set(request.terms);
  const implied = equivalentWords(request.text.slice(0, 2_000).split(/[^\p{L}\p{N}]+/u).filter(Boolean))
    .filter((w) => !own.has(w))
    .slice(0, MAX_IMPLIED);
  // Independent: on PostgreSQL they run on two connections at once.
  const [candidates, described] = await Promise.all([
    findCandidates(db, organizationId, {
      orQuery: buildOrQuery([...request.terms, ...implied]),
      andQuery: request.terms.slice(0, SPECIFIC_TERMS).join(" "),
      shortText: request.shortText,
      excludeId: request.excludeId,
    }),
    describeQuery(db, organizationId, request.terms, implied),
  ]);
  if (candidates.length === 0) return [];
  const query: SimilarityQuery = { ...described, ...request };
  const ranked = ranker.rank(query, candidates).slice(0, limit);
  if (ranked.length === 0) return [];
  const ids = ranked.map((r) => r.id);
  const [notes, items] = await Promise.all([
    db
      .select({ incidentId: timelineEvent.incidentId, body: timelineEvent.body, title: timelineEvent.title })
      .from(timelineEvent)
      .where(and(inArray(timelineEvent.incidentId, ids), eq(timelineEvent.highlighted, true), eq(timelineEvent.kind, "note")))
      .orderBy(timelineEvent.occurredAt),
    db
      .select({ incidentId: actionItem.incidentId, title: actionItem.title, status: actionItem.status })
      .from(actionItem)
      .where(inArray(actionItem.incidentId, ids)),
  ]);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return ranked.map((r) => {
    const c = byId.get(r.id)!;
    const tracked = items.filter((i) => i.incidentId === c.id).map((i) => ({ title: i.title, status: i.status }));
    return {
      incident: { id: c.id, ref: formatIncidentRef(c.number), title: c.title, externalId: c.externalId },
      score: r.score,
      match: r.strength,
      reasons: r.reasons,
      resolution: c.resolution?.trim() ? c.resolution : resolutionFromPostmortem(c.postmortemText),
      mitigation: notes.filter((n) => n.incidentId === c.id).map((n) => n.body ?? n.title).slice(0, 5),
      actionItems: tracked.length > 0 ? tracked : actionItemsFromPostmortem(c.postmortemText).map((title) => ({ title, status: "listed" })),
    };
  });
}
