import { apiRoute, readJsonBody } from "@/lib/api/http";
import { addMember } from "@/lib/services/organizations/add-member";
import { listMembers } from "@/lib/services/organizations/list-members";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => ({ items: await listMembers(ctx), nextCursor: null }));
export const POST = apiRoute(async (ctx, request) => addMember(ctx, await readJsonBody(request)), { status: 201 });
