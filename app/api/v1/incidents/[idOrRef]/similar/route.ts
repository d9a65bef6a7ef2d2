import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { findSimilarIncidents } from "@/lib/services/knowledge/find-similar-incidents";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ idOrRef: string }>((ctx, request, { idOrRef }) => findSimilarIncidents(ctx, idOrRef, searchParamsOf(request)));
