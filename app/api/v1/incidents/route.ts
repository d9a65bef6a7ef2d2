import { apiRoute, readJsonBody, searchParamsOf } from "@/lib/api/http";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { listIncidents } from "@/lib/services/incidents/list-incidents";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx, request) => listIncidents(ctx, searchParamsOf(request)));
export const POST = apiRoute(async (ctx, request) => declareIncident(ctx, await readJsonBody(request)), { status: 201 });
