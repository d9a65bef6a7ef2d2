import type { ServiceContext } from "../context";
import { findSimilarToText } from "./find-similar-incidents";
import { importIncidents } from "./import-incidents";

export interface LabelledIncident {
  externalId: string;
  title: string;
  summary?: string;
  postmortem?: string;
  services?: string[];
  alertNames?: string[];
  /** a short description of this incident written by someone else */
  query: string;
}

export interface EvaluationReport {
  queries: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
  /** per query: the rank of its incident (1-based), or null when not in the top 10 */
  ranks: Array<{ externalId: string; rank: number | null }>;
}

/**
 * Known-item retrieval: imports the labelled incidents, then asks for incidents similar to
 * each query (text only: a responder describing symptoms) and records where its own incident
 * lands.
 */
export async function evaluateKnownItemRetrieval(ctx: ServiceContext, labelled: LabelledIncident[]): Promise<EvaluationReport> {
  const result = await importIncidents(
    ctx,
    labelled.map(({ query: _query, ...item }) => ({ ...item, status: "resolved" })),
  );
  if (result.failed.length > 0) throw new Error(`Labelled set did not import: ${JSON.stringify(result.failed.slice(0, 3))}`);
  const ranks: EvaluationReport["ranks"] = [];
  for (const item of labelled) {
    const answer = await findSimilarToText(ctx, { text: item.query, limit: 10 });
    const at = answer.items.findIndex((s) => s.incident.externalId === item.externalId);
    ranks.push({ externalId: item.externalId, rank: at === -1 ? null : at + 1 });
  }
  const n = ranks.length || 1;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    queries: ranks.length,
    recallAt1: round(ranks.filter((r) => r.rank === 1).length / n),
    recallAt5: round(ranks.filter((r) => r.rank !== null && r.rank <= 5).length / n),
    mrr: round(ranks.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / n),
    ranks,
  };
}
