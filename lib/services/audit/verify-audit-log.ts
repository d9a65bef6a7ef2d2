import type { ChainVerdict } from "@/lib/core/audit-chain";
import { requirePermission, type ServiceContext } from "../context";
import { verifyOrganizationAuditChain } from "./verify-organization-audit-chain";

export async function verifyAuditLog(ctx: ServiceContext): Promise<ChainVerdict> {
  requirePermission(ctx, "audit:read");
  return verifyOrganizationAuditChain(ctx.db, ctx.organizationId);
}
