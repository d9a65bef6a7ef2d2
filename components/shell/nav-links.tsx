"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { BellRing, BookOpen, Landmark, Boxes, ChartNoAxesColumn, FileText, GitCommitHorizontal, ListChecks, ScrollText, Search, Settings, Siren, Users } from "lucide-react";
import { cn } from "@/components/ui/class-names";
import { TriageCountBadge } from "@/components/live/triage-count-badge";
import type { NavIcon, NavItem } from "./nav-items";

export const NAV_ICONS: Record<NavIcon, React.ComponentType<{ className?: string; "aria-hidden"?: boolean }>> = {
  incidents: Siren,
  postmortems: FileText,
  "action-items": ListChecks,
  triage: BellRing,
  changes: GitCommitHorizontal,
  services: Boxes,
  teams: Users,
  audit: ScrollText,
  settings: Settings,
  runbooks: BookOpen,
  search: Search,
  insights: ChartNoAxesColumn,
  compliance: Landmark,
};

export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The sidebar's section links, with the current section marked for sighted and screen-reader users. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {items.map((item) => {
        const Icon = NAV_ICONS[item.icon];
        const active = isActivePath(pathname, item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-muted-foreground outline-none transition-colors hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
              active && "bg-card text-foreground shadow-xs ring-1 ring-border",
            )}
          >
            <Icon aria-hidden className={cn("size-4", active ? "text-primary" : "text-muted-foreground")} />
            {item.label}
            {item.badge === "triage" && <TriageCountBadge />}
          </Link>
        );
      })}
    </nav>
  );
}
