import Link from "next/link";
import { NotebookPen } from "lucide-react";
import type { OrgRole } from "@/lib/core/roles";
import { LiveIndicator } from "@/components/live/live-indicator";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { navItemsFor } from "./nav-items";
import { SignOutButton } from "./sign-out-button";

export interface ShellProps {
  organizationName: string;
  userName: string;
  userEmail: string | null;
  role: OrgRole;
  children: React.ReactNode;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

function Brand({ organizationName }: { organizationName: string }) {
  return (
    <Link href="/incidents" className="flex min-w-0 items-center gap-2.5 rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring">
      <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <NotebookPen aria-hidden className="size-4" />
      </span>
      <span className="flex min-w-0 flex-col leading-tight">
        <span className="text-sm font-semibold">Logbook</span>
        <span className="truncate text-xs text-muted-foreground" data-testid="organization-name">
          {organizationName}
        </span>
      </span>
    </Link>
  );
}

/** The frame around every signed-in page: sidebar on wide screens, a top bar with a menu on narrow ones. */
export function AppShell({ organizationName, userName, userEmail, role, children }: ShellProps) {
  const items = navItemsFor(role);
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-card px-3 py-2 text-sm shadow focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
      >
        Skip to content
      </a>
      <aside className="hidden w-56 shrink-0 border-r border-border bg-sidebar lg:block">
        <div className="sticky top-0 flex h-screen flex-col px-3 py-4">
          <div className="px-1.5">
            <Brand organizationName={organizationName} />
          </div>
          <div className="mt-6 flex-1">
            <NavLinks items={items} />
          </div>
          <LiveIndicator className="mb-3 px-2.5" />
          <div className="flex flex-col gap-2 border-t border-border pt-3">
            <div className="flex items-center gap-2.5 px-1.5" data-testid="current-user">
              <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-accent text-xs font-semibold text-accent-foreground">
                {initials(userName)}
              </span>
              <span className="flex min-w-0 flex-col leading-tight">
                <span className="truncate text-sm font-medium" title={userEmail ?? undefined}>
                  {userName}
                </span>
                <span className="text-xs capitalize text-muted-foreground">{role}</span>
              </span>
            </div>
            <SignOutButton className="w-full text-muted-foreground" />
          </div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-40 flex h-14 items-center justify-between border-b border-border bg-background/95 px-4 backdrop-blur lg:hidden">
          <Brand organizationName={organizationName} />
          <div className="flex items-center gap-3">
            <LiveIndicator testId="live-indicator-mobile" />
            <MobileNav items={items} userName={userName} role={role} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
