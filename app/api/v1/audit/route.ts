import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { listAuditLog } from "@/lib/services/audit/list-audit-log";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx, request) => listAuditLog(ctx, searchParamsOf(request)));
