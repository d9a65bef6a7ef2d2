import { apiRoute, readJsonBody } from "@/lib/api/http";
import { addNote } from "@/lib/services/incidents/add-note";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ idOrRef: string }>(async (ctx, request, { idOrRef }) => addNote(ctx, idOrRef, await readJsonBody(request)), { status: 201 });
