import { apiRoute, readJsonBody } from "@/lib/api/http";
import { configureSlack } from "@/lib/services/slack/configure-slack";
import { getSlackConnection } from "@/lib/services/slack/get-slack-connection";

export const dynamic = "force-dynamic";
type Params = { integrationId: string };

export const GET = apiRoute<Params>(async (ctx, _request, { integrationId }) => getSlackConnection(ctx, integrationId));
export const PUT = apiRoute<Params>(async (ctx, request, { integrationId }) => configureSlack(ctx, integrationId, await readJsonBody(request)));
