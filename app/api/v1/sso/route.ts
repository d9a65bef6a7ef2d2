import { apiRoute, readJsonBody } from "@/lib/api/http";
import { configureSso } from "@/lib/services/sso/configure-sso";
import { getSsoSettings } from "@/lib/services/sso/get-sso-settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx) => getSsoSettings(ctx));
export const PUT = apiRoute(async (ctx, request) => configureSso(ctx, await readJsonBody(request)));
