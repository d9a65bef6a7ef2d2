import { apiRoute, readJsonBody } from "@/lib/api/http";
import { findSimilarToText } from "@/lib/services/knowledge/find-similar-to-text";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (ctx, request) => findSimilarToText(ctx, await readJsonBody(request)));
