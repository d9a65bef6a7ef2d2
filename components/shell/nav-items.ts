import { roleHasPermission, type OrgRole } from "@/lib/core/roles";

export type NavIcon = "incidents" | "postmortems" | "action-items" | "triage" | "changes" | "services" | "teams" | "audit" | "settings" | "runbooks" | "search" | "insights" | "compliance";

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
  /** a live count shown beside the label */
  badge?: "triage";
}

/** The shell's sections; compliance, audit and settings appear only for roles that own them. */
export function navItemsFor(role: OrgRole): NavItem[] {
  const items: NavItem[] = [
    { href: "/incidents", label: "Incidents", icon: "incidents" },
    { href: "/postmortems", label: "Postmortems", icon: "postmortems" },
    { href: "/action-items", label: "Action items", icon: "action-items" },
    { href: "/triage", label: "Triage", icon: "triage", badge: "triage" },
    { href: "/changes", label: "Changes", icon: "changes" },
    { href: "/insights", label: "Insights", icon: "insights" },
    { href: "/runbooks", label: "Runbooks", icon: "runbooks" },
    { href: "/search", label: "Search", icon: "search" },
    { href: "/services", label: "Services", icon: "services" },
    { href: "/teams", label: "Teams", icon: "teams" },
  ];
  if (roleHasPermission(role, "regulatory:approve")) items.push({ href: "/compliance", label: "Compliance", icon: "compliance" });
  if (roleHasPermission(role, "audit:read")) items.push({ href: "/audit", label: "Audit log", icon: "audit" });
  if (roleHasPermission(role, "settings:manage")) items.push({ href: "/settings", label: "Settings", icon: "settings" });
  return items;
}
