import { roleHasPermission, type OrgRole } from "@/lib/core/roles";

export type NavIcon = "incidents" | "services" | "teams" | "audit" | "settings";

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
}

/** The shell's sections; audit and settings appear only for roles that can open them. */
export function navItemsFor(role: OrgRole): NavItem[] {
  const items: NavItem[] = [
    { href: "/incidents", label: "Incidents", icon: "incidents" },
    { href: "/services", label: "Services", icon: "services" },
    { href: "/teams", label: "Teams", icon: "teams" },
  ];
  if (roleHasPermission(role, "audit:read")) items.push({ href: "/audit", label: "Audit log", icon: "audit" });
  if (roleHasPermission(role, "settings:manage")) items.push({ href: "/settings", label: "Settings", icon: "settings" });
  return items;
}
