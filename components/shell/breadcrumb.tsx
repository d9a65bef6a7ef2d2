import Link from "next/link";
import { cn } from "@/components/ui/class-names";

export interface Crumb {
  label: React.ReactNode;
  /** Where the crumb leads; the last crumb (the current page) has none. */
  href?: string;
  className?: string;
}

const LINK = "rounded-sm outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring";

/** Where a page sits: links to its parents, then the page itself (aria-current). */
export function Breadcrumb({ crumbs, className }: { crumbs: Crumb[]; className?: string }) {
  return (
    <nav aria-label="Breadcrumb" className={cn("text-xs text-muted-foreground", className)}>
      <ol className="flex min-w-0 items-center gap-1.5">
        {crumbs.map((crumb, at) => {
          const last = at === crumbs.length - 1;
          return (
            <li key={at} className="flex min-w-0 items-center gap-1.5">
              {at > 0 && <span aria-hidden>/</span>}
              {crumb.href && !last ? (
                <Link href={crumb.href} className={cn(LINK, crumb.className)}>
                  {crumb.label}
                </Link>
              ) : (
                <span aria-current={last ? "page" : undefined} className={cn("min-w-0 truncate", crumb.className)}>
                  {crumb.label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
