import { Activity, BellRing, Boxes, Container, FileText, Gauge, GitCommitHorizontal, GitPullRequestArrow, MessageSquare, MessagesSquare, PhoneCall, Siren, UserRoundCog, type LucideIcon } from "lucide-react";
import { cn } from "@/components/ui/class-names";

const ICONS: Record<string, { icon: LucideIcon; className: string }> = {
  declared: { icon: Siren, className: "bg-sev1-muted text-sev1" },
  note: { icon: MessageSquare, className: "bg-accent text-primary" },
  status_change: { icon: Activity, className: "bg-sky-50 text-sky-700" },
  severity_change: { icon: Gauge, className: "bg-sev2-muted text-sev2" },
  role_change: { icon: UserRoundCog, className: "bg-secondary text-secondary-foreground" },
  service_change: { icon: Boxes, className: "bg-secondary text-secondary-foreground" },
  details_change: { icon: FileText, className: "bg-secondary text-secondary-foreground" },
  alert: { icon: BellRing, className: "bg-sev1-muted text-sev1" },
  change: { icon: GitCommitHorizontal, className: "bg-success-muted text-success" },
  pagerduty: { icon: PhoneCall, className: "bg-success-muted text-success" },
  rollback: { icon: GitPullRequestArrow, className: "bg-sev3-muted text-sev3" },
  cluster: { icon: Container, className: "bg-sev2-muted text-sev2" },
  slack_message: { icon: MessagesSquare, className: "bg-accent text-primary" },
};

const FALLBACK = { icon: Activity, className: "bg-secondary text-secondary-foreground" };

/** The round badge on the timeline rail; kinds from future sources fall back to a neutral icon. */
export function TimelineKindIcon({ kind, className }: { kind: string; className?: string }) {
  const { icon: Icon, className: tone } = ICONS[kind] ?? FALLBACK;
  return (
    <span aria-hidden className={cn("flex size-7 shrink-0 items-center justify-center rounded-full ring-4 ring-card", tone, className)}>
      <Icon className="size-3.5" />
    </span>
  );
}
