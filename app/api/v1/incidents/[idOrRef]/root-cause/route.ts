import { apiRoute, readJsonBody } from "@/lib/api/http";
import { setIncidentRootCause } from "@/lib/services/regulatory/set-incident-root-cause";

export const dynamic = "force-dynamic";

export const PUT = apiRoute<{ idOrRef: string }>(async (ctx, request, { idOrRef }) => setIncidentRootCause(ctx, idOrRef, await readJsonBody(request)));
