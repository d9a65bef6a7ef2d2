import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { listChanges } from "@/lib/services/changes/list-changes";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx, request) => listChanges(ctx, searchParamsOf(request)));
