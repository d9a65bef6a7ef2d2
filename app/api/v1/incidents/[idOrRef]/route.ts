import { apiRoute, readJsonBody } from "@/lib/api/http";
import { getIncident } from "@/lib/services/incidents/get-incident";
import { updateIncident } from "@/lib/services/incidents/update-incident";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string };

export const GET = apiRoute<Params>((ctx, _request, { idOrRef }) => getIncident(ctx, idOrRef));
export const PATCH = apiRoute<Params>(async (ctx, request, { idOrRef }) => updateIncident(ctx, idOrRef, await readJsonBody(request)));
