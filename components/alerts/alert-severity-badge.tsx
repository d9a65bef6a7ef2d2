import { cn } from "@/components/ui/class-names";

const TONES: Record<string, string> = {
  critical: "border-sev1/30 bg-sev1-muted text-sev1",
  page: "border-sev1/30 bg-sev1-muted text-sev1",
  error: "border-sev2/30 bg-sev2-muted text-sev2",
  high: "border-sev2/30 bg-sev2-muted text-sev2",
  warning: "border-sev3/30 bg-sev3-muted text-sev3",
  info: "border-border bg-muted text-muted-foreground",
};

/** The alert's own severity label as the sender wrote it (critical, warning, …), not an incident SEV. */
export function AlertSeverityBadge({ severity, className }: { severity: string | null; className?: string }) {
  if (!severity) return null;
  return (
    <span
      title={`Alert severity: ${severity}`}
      className={cn(
        "inline-flex w-fit shrink-0 items-center whitespace-nowrap rounded-md border px-1.5 py-0.5 text-xs font-medium",
        TONES[severity.toLowerCase()] ?? TONES.info,
        className,
      )}
    >
      {severity}
    </span>
  );
}

/**
 * The alert's own state as its source (or a person, in Logbook) last set it: "Alert firing",
 * not to be read as the incident's status (square, where incident statuses are pills).
 */
export function AlertStatusBadge({ status }: { status: "firing" | "resolved" }) {
  const firing = status === "firing";
  return (
    <span
      data-alert-status={status}
      title={firing ? "The alert is still firing at its source" : "The alert has resolved"}
      className={cn(
        "inline-flex w-fit shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md border px-1.5 py-0.5 text-xs font-medium",
        firing ? "border-sev1/30 bg-sev1-muted text-sev1" : "border-success/25 bg-success-muted text-success",
      )}
    >
      <span aria-hidden className={cn("size-1.5 rounded-full", firing ? "animate-pulse bg-sev1" : "bg-success")} />
      {firing ? "Alert firing" : "Alert resolved"}
    </span>
  );
}
