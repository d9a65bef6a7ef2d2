import { apiRoute } from "@/lib/api/http";
import { approvePostmortem } from "@/lib/services/postmortems/approve-postmortem";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async (ctx, _request, { id }) => approvePostmortem(ctx, id));
