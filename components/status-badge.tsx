import type { IncidentStatus } from "@/lib/core/incident-lifecycle";
import { cn } from "@/components/ui/class-names";

const STATUS_STYLES: Record<IncidentStatus, { label: string; className: string; dot: string }> = {
  triggered: { label: "Triggered", className: "bg-sev1-muted text-sev1 border-sev1/30", dot: "bg-sev1 animate-pulse" },
  investigating: { label: "Investigating", className: "bg-sev2-muted text-sev2 border-sev2/30", dot: "bg-sev2" },
  identified: { label: "Identified", className: "bg-accent text-primary border-primary/25", dot: "bg-primary" },
  monitoring: { label: "Monitoring", className: "bg-sky-50 text-sky-700 border-sky-700/20", dot: "bg-sky-600" },
  resolved: { label: "Resolved", className: "bg-success-muted text-success border-success/25", dot: "bg-success" },
  closed: { label: "Closed", className: "bg-muted text-muted-foreground border-border", dot: "bg-muted-foreground" },
};

export function statusLabel(status: IncidentStatus): string {
  return STATUS_STYLES[status].label;
}

export function StatusBadge({ status, className }: { status: IncidentStatus; className?: string }) {
  const style = STATUS_STYLES[status];
  return (
    <span
      data-status={status}
      className={cn(
        "inline-flex w-fit shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium",
        style.className,
        className,
      )}
    >
      <span aria-hidden className={cn("size-1.5 rounded-full", style.dot)} />
      {style.label}
    </span>
  );
}
