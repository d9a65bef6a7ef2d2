import { apiRoute, readJsonBody } from "@/lib/api/http";
import { issueCollabToken } from "@/lib/auth/collab-token";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (ctx, request) => issueCollabToken(ctx, await readJsonBody(request)));
