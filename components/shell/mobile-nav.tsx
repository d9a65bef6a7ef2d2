"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Menu } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/class-names";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { TriageCountBadge } from "@/components/live/triage-count-badge";
import { NAV_ICONS, isActivePath } from "./nav-links";
import type { NavItem } from "./nav-items";
import { SignOutButton } from "./sign-out-button";

/** Narrow screens: the sections and the account live behind one menu button. */
export function MobileNav({ items, userName, role }: { items: NavItem[]; userName: string; role: string }) {
  const pathname = usePathname();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label="Open menu">
          <Menu aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel className="flex flex-col gap-0.5">
          <span className="text-sm text-foreground">{userName}</span>
          <span className="capitalize">{role}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {items.map((item) => {
          const Icon = NAV_ICONS[item.icon];
          const active = isActivePath(pathname, item.href);
          return (
            <DropdownMenuItem key={item.href} asChild>
              <Link href={item.href} aria-current={active ? "page" : undefined} className={cn(active && "font-semibold text-foreground")}>
                <Icon aria-hidden />
                {item.label}
                {item.badge === "triage" && <TriageCountBadge />}
              </Link>
            </DropdownMenuItem>
          );
        })}
        <DropdownMenuSeparator />
        <SignOutButton className="w-full" />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
