import { describe, expect, it } from "vitest";
import { ORG_ROLES, PERMISSIONS, isOrgRole, permissionsOf, roleHasPermission, type OrgRole, type Permission } from "@/lib/core/roles";

/** Who may do what, written out in full so that a change to the grants is a visible decision. */
const MATRIX: Record<Permission, Record<OrgRole, boolean>> = {
  "incident:read": { viewer: true, responder: true, editor: true, compliance: true, admin: true },
  "incident:write": { viewer: false, responder: true, editor: true, compliance: false, admin: true },
  "postmortem:review": { viewer: false, responder: true, editor: true, compliance: true, admin: true },
  "postmortem:publish": { viewer: false, responder: false, editor: true, compliance: true, admin: true },
  "catalog:read": { viewer: true, responder: true, editor: true, compliance: true, admin: true },
  "catalog:write": { viewer: false, responder: false, editor: true, compliance: false, admin: true },
  "audit:read": { viewer: false, responder: false, editor: false, compliance: true, admin: true },
  "audit:export": { viewer: false, responder: false, editor: false, compliance: true, admin: true },
  "regulatory:prepare": { viewer: false, responder: false, editor: true, compliance: true, admin: true },
  "regulatory:approve": { viewer: false, responder: false, editor: false, compliance: true, admin: true },
  "settings:manage": { viewer: false, responder: false, editor: false, compliance: false, admin: true },
};

describe("organisation roles and permissions", () => {
  it("has the five roles, lowest first, and a row in the matrix for every permission", () => {
    expect(ORG_ROLES).toEqual(["viewer", "responder", "editor", "compliance", "admin"]);
    expect(Object.keys(MATRIX).sort()).toEqual([...PERMISSIONS].sort());
  });

  const cells = PERMISSIONS.flatMap((permission) => ORG_ROLES.map((role) => ({ permission, role, allowed: MATRIX[permission][role] })));
  it.each(cells)("$role → $permission: $allowed", ({ role, permission, allowed }) => {
    expect(roleHasPermission(role, permission)).toBe(allowed);
    expect(permissionsOf(role).includes(permission)).toBe(allowed);
  });

  it("recognises role names and nothing else", () => {
    for (const role of ORG_ROLES) expect(isOrgRole(role)).toBe(true);
    for (const value of ["owner", "Admin", "", " viewer", null, undefined, 3, ["admin"]]) expect(isOrgRole(value)).toBe(false);
  });

  it("hands out a copy of the permissions, not the grants themselves", () => {
    const list = permissionsOf("viewer");
    list.push("settings:manage");
    expect(roleHasPermission("viewer", "settings:manage")).toBe(false);
  });
});
