import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { exportReport } from "@/lib/services/regulatory/export-report";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const file = await exportReport(ctx, id, searchParamsOf(request));
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Content-Length": String(file.bytes.length),
      "X-Content-SHA256": file.sha256,
      "X-Report-Content-SHA256": file.contentSha256,
      "X-Report-Status": file.status,
      "Cache-Control": "no-store",
    },
  });
});
