/** Organisation roles, lowest first. Compliance reads everything and owns the audit trail. */
export const ORG_ROLES = ["viewer", "responder", "editor", "compliance", "admin"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const PERMISSIONS = [
  "incident:read",
  "incident:write",
  "catalog:read",
  "catalog:write",
  "audit:read",
  "audit:export",
  "settings:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["incident:read", "catalog:read"];

const GRANTS: Record<OrgRole, ReadonlySet<Permission>> = {
  viewer: new Set(READ),
  responder: new Set([...READ, "incident:write"]),
  editor: new Set([...READ, "incident:write", "catalog:write"]),
  compliance: new Set([...READ, "audit:read", "audit:export"]),
  admin: new Set(PERMISSIONS),
};

export function isOrgRole(value: unknown): value is OrgRole {
  return typeof value === "string" && (ORG_ROLES as readonly string[]).includes(value);
}

export function roleHasPermission(role: OrgRole, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export function permissionsOf(role: OrgRole): Permission[] {
  return [...GRANTS[role]];
}
