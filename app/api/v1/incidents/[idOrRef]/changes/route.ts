import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { listSuspectChanges } from "@/lib/services/changes/list-suspect-changes";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string };

export const GET = apiRoute<Params>((ctx, request, { idOrRef }) => listSuspectChanges(ctx, idOrRef, searchParamsOf(request)));
