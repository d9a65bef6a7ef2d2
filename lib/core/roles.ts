/** Organisation roles, lowest first. Compliance reads everything and owns the audit trail. */
export const ORG_ROLES = ["viewer", "responder", "editor", "compliance", "admin"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const PERMISSIONS = [
  "incident:read",
  "incident:write",
  /**
   * approve a postmortem in review: anyone who may write incidents, and compliance staff,
   * whose sign-off regulators expect (authors and API keys still cannot: the verb refuses them)
   */
  "postmortem:review",
  /** publish (freeze and hash) or reopen a postmortem */
  "postmortem:publish",
  "catalog:read",
  "catalog:write",
  "audit:read",
  "audit:export",
  /** classify incidents under DORA/NIS2/GDPR, draft regulatory reports and send them for review */
  "regulatory:prepare",
  /** the reporting-entity profile; approve (four eyes), mark submitted and reopen reports */
  "regulatory:approve",
  "settings:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["incident:read", "catalog:read"];

const GRANTS: Record<OrgRole, ReadonlySet<Permission>> = {
  viewer: new Set(READ),
  responder: new Set([...READ, "incident:write", "postmortem:review"]),
  editor: new Set([...READ, "incident:write", "catalog:write", "postmortem:review", "postmortem:publish", "regulatory:prepare"]),
  compliance: new Set([...READ, "audit:read", "audit:export", "postmortem:review", "postmortem:publish", "regulatory:prepare", "regulatory:approve"]),
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
