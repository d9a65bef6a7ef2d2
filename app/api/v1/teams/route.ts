import { apiRoute, readJsonBody } from "@/lib/api/http";
import { createTeam } from "@/lib/services/catalog/create-team";
import { listTeams } from "@/lib/services/catalog/list-teams";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx) => listTeams(ctx));
export const POST = apiRoute(async (ctx, request) => createTeam(ctx, await readJsonBody(request)), { status: 201 });
