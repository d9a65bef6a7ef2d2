import { cn } from "@/components/ui/class-names";
import type { DeliveryStatus } from "./delivery-types";

const STYLES: Record<DeliveryStatus, { label: string; className: string }> = {
  accepted: { label: "Accepted", className: "border-success/25 bg-success-muted text-success" },
  duplicate: { label: "Duplicate", className: "border-border bg-muted text-muted-foreground" },
  rejected: { label: "Rejected", className: "border-destructive/30 bg-destructive/10 text-destructive" },
  failed: { label: "Failed", className: "border-sev2/30 bg-sev2-muted text-sev2" },
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const style = STYLES[status] ?? STYLES.rejected;
  return (
    <span data-status={status} className={cn("inline-flex w-fit items-center rounded-md border px-1.5 py-0.5 text-xs font-medium", style.className)}>
      {style.label}
    </span>
  );
}
