import { apiRoute, readJsonBody } from "@/lib/api/http";
import { listRollbacks } from "@/lib/services/rollbacks/list-rollbacks";
import { openRollback } from "@/lib/services/rollbacks/open-rollback";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string };

export const GET = apiRoute<Params>((ctx, _request, { idOrRef }) => listRollbacks(ctx, idOrRef));
export const POST = apiRoute<Params>(async (ctx, request, { idOrRef }) => openRollback(ctx, idOrRef, await readJsonBody(request)), { status: 201 });
