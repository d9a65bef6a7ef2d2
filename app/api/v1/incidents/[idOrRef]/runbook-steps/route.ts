import { apiRoute, readJsonBody } from "@/lib/api/http";
import { tickRunbookStep } from "@/lib/services/runbooks/tick-runbook-step";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ idOrRef: string }>(async (ctx, request, { idOrRef }) => tickRunbookStep(ctx, idOrRef, await readJsonBody(request)));
