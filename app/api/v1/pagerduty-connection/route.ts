import { apiRoute, readJsonBody } from "@/lib/api/http";
import { getPagerDutyConnection } from "@/lib/services/paging/get-pagerduty-connection";
import { setPagerDutyConnection } from "@/lib/services/paging/set-pagerduty-connection";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => getPagerDutyConnection(ctx));
export const PUT = apiRoute(async (ctx, request) => setPagerDutyConnection(ctx, await readJsonBody(request)));
