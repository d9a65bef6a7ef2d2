import type { Actor } from "@/lib/core/actor";
import { roleHasPermission, type OrgRole, type Permission } from "@/lib/core/roles";
import type { Database } from "@/db/client";
import { ForbiddenError } from "./errors";

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Who is calling, in which organisation, with which role: the first argument of every verb. */
export interface ServiceContext {
  db: Database;
  actor: Actor;
  organizationId: string;
  role: OrgRole;
  request: RequestMeta;
}

export const NO_REQUEST: RequestMeta = { ip: null, userAgent: null };

export function requirePermission(ctx: ServiceContext, permission: Permission): void {
  if (!roleHasPermission(ctx.role, permission)) {
    throw new ForbiddenError(`Your role (${ctx.role}) does not allow this: it needs ${permission}.`);
  }
}
