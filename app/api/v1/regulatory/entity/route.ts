import { apiRoute, readJsonBody } from "@/lib/api/http";
import { getReportingEntity } from "@/lib/services/regulatory/get-reporting-entity";
import { putReportingEntity } from "@/lib/services/regulatory/put-reporting-entity";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => getReportingEntity(ctx));

export const PUT = apiRoute(async (ctx, request) => putReportingEntity(ctx, await readJsonBody(request)));
