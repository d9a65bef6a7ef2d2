import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { comparePostmortemRevisions } from "@/lib/services/postmortems/compare-postmortem-revisions";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (ctx, request, { id }) => comparePostmortemRevisions(ctx, id, searchParamsOf(request)));
