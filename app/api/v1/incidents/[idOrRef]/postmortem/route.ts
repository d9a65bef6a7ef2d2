import { apiRoute, readJsonBody } from "@/lib/api/http";
import { createPostmortem } from "@/lib/services/postmortems/create-postmortem";
import { getIncidentPostmortem } from "@/lib/services/postmortems/get-incident-postmortem";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ idOrRef: string }>(async (ctx, _request, { idOrRef }) => getIncidentPostmortem(ctx, idOrRef));

export const POST = apiRoute<{ idOrRef: string }>(async (ctx, request, { idOrRef }) => createPostmortem(ctx, idOrRef, await readJsonBody(request)), { status: 201 });
