import { ORG_ROLES, type OrgRole } from "@/lib/core/roles";

const ROLE_DESCRIPTIONS: Record<OrgRole, string> = {
  viewer: "Viewer — read incidents and the catalogue",
  responder: "Responder — run incidents",
  editor: "Editor — run incidents and edit the catalogue",
  compliance: "Compliance — read everything, audit log and exports",
  admin: "Admin — everything, including settings",
};

export function roleDescription(role: OrgRole): string {
  return ROLE_DESCRIPTIONS[role];
}

export function RoleOptions() {
  return (
    <>
      {ORG_ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_DESCRIPTIONS[role]}
        </option>
      ))}
    </>
  );
}
