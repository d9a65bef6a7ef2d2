import { Badge } from "@/components/ui/badge";
import type { ReportView } from "@/lib/services/regulatory/views";

type ReportStatus = ReportView["status"];

const STATUS: Record<ReportStatus, { label: string; variant: "secondary" | "default" | "success" | "muted" | "outline" }> = {
  draft: { label: "Draft", variant: "outline" },
  in_review: { label: "In review", variant: "secondary" },
  approved: { label: "Approved", variant: "default" },
  submitted: { label: "Submitted", variant: "success" },
};

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { label, variant } = STATUS[status];
  return <Badge variant={variant}>{label}</Badge>;
}
