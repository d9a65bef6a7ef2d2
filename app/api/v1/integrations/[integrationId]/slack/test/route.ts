import { apiRoute } from "@/lib/api/http";
import { testSlackConnection } from "@/lib/services/slack/test-slack-connection";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ integrationId: string }>(async (ctx, _request, { integrationId }) => testSlackConnection(ctx, integrationId));
