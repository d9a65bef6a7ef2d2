import { apiRoute, readJsonBody, searchParamsOf } from "@/lib/api/http";
import { classifyIncident } from "@/lib/services/regulatory/classify-incident";
import { listClassifications } from "@/lib/services/regulatory/list-classifications";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ idOrRef: string }>(async (ctx, request, { idOrRef }) => listClassifications(ctx, idOrRef, searchParamsOf(request)));

export const POST = apiRoute<{ idOrRef: string }>(async (ctx, request, { idOrRef }) => classifyIncident(ctx, idOrRef, await readJsonBody(request)), { status: 201 });
