import { apiRoute } from "@/lib/api/http";
import { reopenPostmortem } from "@/lib/services/postmortems/reopen-postmortem";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async (ctx, _request, { id }) => reopenPostmortem(ctx, id));
