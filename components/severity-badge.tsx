import { SEVERITY_LABELS, type Severity } from "@/lib/core/severity";
import { cn } from "@/components/ui/class-names";

const SEVERITY_CLASSES: Record<Severity, string> = {
  SEV1: "border-sev1/30 bg-sev1-muted text-sev1",
  SEV2: "border-sev2/30 bg-sev2-muted text-sev2",
  SEV3: "border-sev3/30 bg-sev3-muted text-sev3",
  SEV4: "border-sev4/30 bg-sev4-muted text-sev4",
};

/** "SEV1 · Critical" in the severity's colour; `compact` drops the label for dense tables. */
export function SeverityBadge({ severity, compact = false, className }: { severity: Severity; compact?: boolean; className?: string }) {
  return (
    <span
      data-severity={severity}
      title={`${severity} — ${SEVERITY_LABELS[severity]}`}
      className={cn(
        "inline-flex w-fit shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md border px-1.5 py-0.5 text-xs font-semibold",
        SEVERITY_CLASSES[severity],
        className,
      )}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {severity}
      {!compact && <span className="font-normal opacity-90">{SEVERITY_LABELS[severity]}</span>}
    </span>
  );
}
