import { apiRoute, readJsonBody } from "@/lib/api/http";
import { setPostmortemRootCause } from "@/lib/services/regulatory/set-postmortem-root-cause";

export const dynamic = "force-dynamic";

export const PUT = apiRoute<{ id: string }>(async (ctx, request, { id }) => setPostmortemRootCause(ctx, id, await readJsonBody(request)));
