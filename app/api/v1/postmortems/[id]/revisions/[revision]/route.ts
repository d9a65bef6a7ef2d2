import { apiRoute } from "@/lib/api/http";
import { getPostmortemRevision } from "@/lib/services/postmortems/get-postmortem-revision";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string; revision: string }>(async (ctx, _request, { id, revision }) => getPostmortemRevision(ctx, id, revision));
