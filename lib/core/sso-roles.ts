import { ORG_ROLES, type OrgRole } from "./roles";

/**
 * The Logbook role an identity provider's claim grants. The claim may be one value or a list
 * (groups); every value is looked up in the mapping, and the highest role any of them maps
 * to wins — someone in both "sre" and "logbook-admins" is an admin. No match → the default.
 */
export function roleFromClaim(claim: unknown, mapping: Record<string, string>, defaultRole: OrgRole): OrgRole {
  const values = (Array.isArray(claim) ? claim : [claim]).filter((v): v is string | number => typeof v === "string" || typeof v === "number").map(String);
  let best: OrgRole | null = null;
  for (const value of values) {
    const role = mapping[value];
    if (!role || !(ORG_ROLES as readonly string[]).includes(role)) continue;
    if (best === null || ORG_ROLES.indexOf(role as OrgRole) > ORG_ROLES.indexOf(best)) best = role as OrgRole;
  }
  return best ?? defaultRole;
}
