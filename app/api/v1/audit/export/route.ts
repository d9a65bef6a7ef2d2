import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { exportAuditLog } from "@/lib/services/audit/export-audit-log";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx, request) => {
  const file = await exportAuditLog(ctx, searchParamsOf(request));
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "X-Audit-Entries": String(file.entries),
    },
  });
});
