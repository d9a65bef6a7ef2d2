import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { exportPostmortem } from "@/lib/services/postmortems/export-postmortem";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const file = await exportPostmortem(ctx, id, searchParamsOf(request));
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Content-Length": String(file.bytes.length),
      "X-Content-SHA256": file.sha256,
      "X-Postmortem-Revision": String(file.revision),
      "Cache-Control": "no-store",
    },
  });
});
