import { apiRoute } from "@/lib/api/http";
import { verifyAuditLog } from "@/lib/services/audit/verify-audit-log";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx) => verifyAuditLog(ctx));
