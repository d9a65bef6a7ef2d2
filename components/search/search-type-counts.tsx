import Link from "next/link";
import { cn } from "@/components/ui/class-names";

const LABELS: Record<string, string> = { incident: "Incidents", postmortem: "Postmortems", runbook: "Runbooks", timeline: "Timeline notes" };

/** The matches per type, each a link that narrows the search to it; "Everything" widens it again. */
export function SearchTypeCounts({ q, type, counts, countLimit }: { q: string; type: string; counts: Record<string, number>; countLimit: number }) {
  const href = (t: string) => `/search?q=${encodeURIComponent(q)}${t ? `&type=${t}` : ""}`;
  const shown = (n: number) => (n >= countLimit ? `${countLimit}+` : String(n));
  return (
    <nav aria-label="Results by type" className="mb-4 flex flex-wrap gap-2 text-sm">
      <Link href={href("")} aria-current={type === "" ? "page" : undefined} className={cn("rounded-md px-2 py-1 hover:bg-muted", type === "" && "bg-muted font-medium")}>
        Everything
      </Link>
      {Object.entries(counts).map(([t, n]) => (
        <Link key={t} href={href(t)} aria-current={type === t ? "page" : undefined} className={cn("rounded-md px-2 py-1 hover:bg-muted", type === t && "bg-muted font-medium", n === 0 && "text-muted-foreground")}>
          {LABELS[t] ?? t} <span className="tabular-nums">{shown(n)}</span>
        </Link>
      ))}
    </nav>
  );
}
