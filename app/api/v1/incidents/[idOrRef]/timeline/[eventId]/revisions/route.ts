import { apiRoute } from "@/lib/api/http";
import { listNoteRevisions } from "@/lib/services/incidents/list-note-revisions";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ idOrRef: string; eventId: string }>(async (ctx, _request, { idOrRef, eventId }) => ({
  items: await listNoteRevisions(ctx, idOrRef, eventId),
  nextCursor: null,
}));
