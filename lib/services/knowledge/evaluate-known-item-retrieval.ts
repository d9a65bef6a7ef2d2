import { requirePermission, type ServiceContext } from "../context";
import { findSimilarToText } from "./find-similar-to-text";
import { importIncidents } from "./import-incidents";
import type { EvaluationReport, LabelledIncident } from "./views";

/**
 * Known-item retrieval: imports the labelled incidents, then asks for incidents similar to
 * each query (text only: a responder describing symptoms) and records where its own incident
 * lands.
 */
export async function evaluateKnownItemRetrieval(ctx: ServiceContext, labelled: LabelledIncident[]): Promise<EvaluationReport> {
  // It imports the labelled set: the same right as an import.
  requirePermission(ctx, "incident:write");
  const result = await importIncidents(
    ctx,
    labelled.map(({ query: _query, ...item }) => ({ ...item, status: "resolved" })),
  );
  if (result.failed.length > 0) throw new Error(`Labelled set did not import: ${JSON.stringify(result.failed.slice(0, 3))}`);
  const ranks: EvaluationReport["ranks"] = [];
  for (const item of labelled) {
    const answer = await findSimilarToText(ctx, { text: item.query, limit: 10 });
    const at = answer.items.findIndex((s) => s.incident.externalId === item.externalId);
    ranks.push({ externalId: item.externalId, rank: at === -1 ? null : at + 1, first: answer.items[0]?.incident.externalId ?? null });
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
