import { apiRoute, readJsonBody } from "@/lib/api/http";
import { connectIncidentChannel } from "@/lib/services/slack/connect-incident-channel";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string };

export const PUT = apiRoute<Params>(async (ctx, request, { idOrRef }) => connectIncidentChannel(ctx, idOrRef, await readJsonBody(request)));
