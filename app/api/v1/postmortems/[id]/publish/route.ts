import { apiRoute } from "@/lib/api/http";
import { publishPostmortem } from "@/lib/services/postmortems/publish-postmortem";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async (ctx, _request, { id }) => publishPostmortem(ctx, id));
