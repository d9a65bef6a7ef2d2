import Link from "next/link";
import { cn } from "@/components/ui/class-names";
import type { Regime } from "@/lib/regulatory/regimes";

type ClockStatus = "due" | "overdue" | "met";

const REGIME_OPTIONS: Array<{ value: Regime | null; label: string }> = [
  { value: null, label: "All regimes" },
  { value: "dora", label: "DORA" },
  { value: "nis2", label: "NIS2" },
  { value: "gdpr", label: "GDPR" },
];
const STATUS_OPTIONS: Array<{ value: ClockStatus | null; label: string }> = [
  { value: null, label: "Any status" },
  { value: "due", label: "Due" },
  { value: "overdue", label: "Overdue" },
  { value: "met", label: "Met" },
];

function hrefOf(regime: Regime | null, status: ClockStatus | null): string {
  const query = new URLSearchParams();
  if (regime) query.set("regime", regime);
  if (status) query.set("status", status);
  const text = query.toString();
  return text ? `/compliance?${text}` : "/compliance";
}

/** The compliance page's filters as links, so a filtered view is an address to share. */
export function ComplianceFilterLinks({ regime, status }: { regime: Regime | null; status: ClockStatus | null }) {
  const tab = (active: boolean) => cn("rounded-md px-3 py-1.5 text-sm", active ? "bg-secondary font-medium text-foreground" : "text-muted-foreground hover:text-foreground");
  return (
    <div className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-2">
      <nav aria-label="Regime" className="flex flex-wrap gap-1">
        {REGIME_OPTIONS.map((o) => (
          <Link key={o.label} href={hrefOf(o.value, status)} className={tab(regime === o.value)} aria-current={regime === o.value ? "page" : undefined}>
            {o.label}
          </Link>
        ))}
      </nav>
      <nav aria-label="Deadline status" className="flex flex-wrap gap-1">
        {STATUS_OPTIONS.map((o) => (
          <Link key={o.label} href={hrefOf(regime, o.value)} className={tab(status === o.value)} aria-current={status === o.value ? "page" : undefined}>
            {o.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
