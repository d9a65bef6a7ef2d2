import { apiRoute, readJsonBody } from "@/lib/api/http";
import { previewRollback } from "@/lib/services/rollbacks/preview-rollback";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string };

export const POST = apiRoute<Params>(async (ctx, request, { idOrRef }) => previewRollback(ctx, idOrRef, await readJsonBody(request)));
