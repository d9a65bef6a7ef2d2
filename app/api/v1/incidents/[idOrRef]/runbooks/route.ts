import { apiRoute } from "@/lib/api/http";
import { listIncidentRunbooks } from "@/lib/services/runbooks/list-incident-runbooks";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ idOrRef: string }>((ctx, _request, { idOrRef }) => listIncidentRunbooks(ctx, idOrRef));
