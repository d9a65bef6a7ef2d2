import { apiRoute } from "@/lib/api/http";
import { getPostmortem } from "@/lib/services/postmortems/get-postmortem";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => getPostmortem(ctx, id));
