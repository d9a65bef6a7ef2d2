import { extractQueryTerms } from "@/lib/knowledge/query-terms";
import { combinedScoreRanker } from "@/lib/similarity/combined-score-ranker";
import type { SimilarityRanker } from "@/lib/similarity/similarity-ranker";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { similarTextInput } from "./inputs";
import { rankAndDescribe } from "./internal";
import type { SimilarAnswer } from "./views";

/** Past incidents like a free-text description (POST /api/v1/similar). */
export async function findSimilarToText(ctx: ServiceContext, rawInput: unknown, ranker: SimilarityRanker = combinedScoreRanker): Promise<SimilarAnswer> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(similarTextInput, rawInput);
  const text = `${input.title ?? ""}\n${input.text}`;
  const query = {
    text,
    terms: extractQueryTerms(text),
    services: input.services,
    alertNames: input.alertNames,
    changeKinds: [],
    rootCauseCodes: [],
    shortText: (input.title || input.text).trim().slice(0, 80),
    excludeId: null,
  };
  return { items: await rankAndDescribe(ctx.db, ctx.organizationId, query, input.limit, ranker), recurrence: null };
}
