import { apiRoute, readJsonBody } from "@/lib/api/http";
import { setTeamSlackChannel } from "@/lib/services/slack/set-team-slack-channel";

export const dynamic = "force-dynamic";

export const PUT = apiRoute<{ slug: string }>(async (ctx, request, { slug }) => setTeamSlackChannel(ctx, slug, await readJsonBody(request)));
