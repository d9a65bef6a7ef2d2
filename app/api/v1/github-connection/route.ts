import { apiRoute, readJsonBody } from "@/lib/api/http";
import { getGitHubConnection } from "@/lib/services/github-connection/get-github-connection";
import { setGitHubConnection } from "@/lib/services/github-connection/set-github-connection";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => getGitHubConnection(ctx));
export const PUT = apiRoute(async (ctx, request) => setGitHubConnection(ctx, await readJsonBody(request)));
