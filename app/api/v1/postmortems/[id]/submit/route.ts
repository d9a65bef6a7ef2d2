import { apiRoute } from "@/lib/api/http";
import { submitPostmortem } from "@/lib/services/postmortems/submit-postmortem";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async (ctx, _request, { id }) => submitPostmortem(ctx, id));
