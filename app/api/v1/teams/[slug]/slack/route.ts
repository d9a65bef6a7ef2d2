import { apiRoute, readJsonBody } from "@/lib/api/http";
import { getTeamSlackChannel } from "@/lib/services/slack/get-team-slack-channel";
import { setTeamSlackChannel } from "@/lib/services/slack/set-team-slack-channel";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(async (ctx, _request, { slug }) => getTeamSlackChannel(ctx, slug));

export const PUT = apiRoute<{ slug: string }>(async (ctx, request, { slug }) => setTeamSlackChannel(ctx, slug, await readJsonBody(request)));
