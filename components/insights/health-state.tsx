import Link from "next/link";
import { CircleAlert, CircleCheck, CircleX } from "lucide-react";
import type { HealthReason, HealthState } from "@/lib/insights/service-health";
import { cn } from "@/components/ui/class-names";

const STATES: Record<HealthState, { label: string; icon: typeof CircleCheck; className: string }> = {
  green: { label: "Green", icon: CircleCheck, className: "border-success/30 bg-success-muted text-success" },
  amber: { label: "Amber", icon: CircleAlert, className: "border-warning/40 bg-warning-muted text-warning" },
  red: { label: "Red", icon: CircleX, className: "border-destructive/30 bg-destructive/10 text-destructive" },
};

/** A service's colour as a badge: colour, icon and word, so it never rests on colour alone. */
export function HealthBadge({ state, className }: { state: HealthState; className?: string }) {
  const info = STATES[state];
  const Icon = info.icon;
  return (
    <span data-health={state} className={cn("inline-flex w-fit shrink-0 items-center gap-1 rounded-md border px-1.5 py-0.5 text-xs font-semibold", info.className, className)}>
      <Icon aria-hidden className="size-3.5" />
      {info.label}
    </span>
  );
}

/** Why a service has its colour: one line per reason, each linking to where to look. */
export function HealthReasons({ reasons, className }: { reasons: HealthReason[]; className?: string }) {
  if (reasons.length === 0) return <p className={cn("text-xs text-muted-foreground", className)}>Nothing open, firing or failing.</p>;
  return (
    <ul className={cn("flex flex-col gap-1 text-xs", className)}>
      {reasons.map((reason, index) => (
        <li key={index} className="flex items-start gap-1.5">
          <span aria-hidden className={cn("mt-1 size-1.5 shrink-0 rounded-full", reason.state === "red" ? "bg-destructive" : "bg-warning")} />
          <Link href={reason.href} className="min-w-0 rounded-sm text-foreground underline-offset-2 outline-none [overflow-wrap:anywhere] hover:underline focus-visible:ring-2 focus-visible:ring-ring">
            {reason.text}
          </Link>
        </li>
      ))}
    </ul>
  );
}
