import { apiRoute, readJsonBody } from "@/lib/api/http";
import { recordSimilarityFeedback } from "@/lib/services/knowledge/record-similarity-feedback";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ idOrRef: string; otherId: string }>(async (ctx, request, { idOrRef, otherId }) =>
  recordSimilarityFeedback(ctx, idOrRef, otherId, await readJsonBody(request)),
);
