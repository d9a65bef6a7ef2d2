import { ChartSpline, Flame, GitBranch, MessagesSquare, PhoneCall, RefreshCw, Ship, Webhook, type LucideIcon } from "lucide-react";
import { cn } from "@/components/ui/class-names";
import type { IntegrationKind } from "./integration-types";

/**
 * How each kind of lib/ingest/registry.ts (the one list) is shown. The registry pulls in the
 * adapters, which are server code (node:crypto), so the browser cannot import it: the type
 * makes this record name exactly the registry's kinds (listed in its order, which is the
 * order the add dialog offers them in).
 */
export const INTEGRATION_KINDS: Record<IntegrationKind, { label: string; description: string; icon: LucideIcon; tone: string }> = {
  alertmanager: {
    label: "Prometheus Alertmanager",
    description: "Alerts from your Prometheus rules; critical ones open incidents by themselves.",
    icon: Flame,
    tone: "bg-orange-50 text-orange-700",
  },
  grafana: {
    label: "Grafana alerting",
    description: "Alerts from Grafana's unified alerting, sent through a webhook contact point.",
    icon: ChartSpline,
    tone: "bg-amber-50 text-amber-700",
  },
  pagerduty: {
    label: "PagerDuty",
    description: "Mirrors PagerDuty incidents (triggered, acknowledged, resolved, notes) onto Logbook incidents.",
    icon: PhoneCall,
    tone: "bg-emerald-50 text-emerald-700",
  },
  github: {
    label: "GitHub",
    description: "Deployments, merged pull requests, pushes to the default branch, releases and failed workflows.",
    icon: GitBranch,
    tone: "bg-slate-100 text-slate-800",
  },
  flux: {
    label: "Flux",
    description: "Reconciliations from Flux's notification-controller, successes and failures with their revision.",
    icon: RefreshCw,
    tone: "bg-sky-50 text-sky-700",
  },
  argocd: {
    label: "Argo CD",
    description: "Sync results and degraded health from Argo CD notifications.",
    icon: Ship,
    tone: "bg-rose-50 text-rose-700",
  },
  slack: {
    label: "Slack",
    description: "A channel per incident with a pinned summary kept current, /logbook commands, and messages captured to the timeline.",
    icon: MessagesSquare,
    tone: "bg-fuchsia-50 text-fuchsia-700",
  },
  generic: {
    label: "Generic JSON",
    description: "Anything that can POST JSON: alerts and changes in Logbook's own format.",
    icon: Webhook,
    tone: "bg-violet-50 text-violet-700",
  },
};

export const INTEGRATION_KIND_OPTIONS = Object.keys(INTEGRATION_KINDS) as IntegrationKind[];

export function IntegrationKindIcon({ kind, className }: { kind: IntegrationKind; className?: string }) {
  const { icon: Icon, tone } = INTEGRATION_KINDS[kind] ?? INTEGRATION_KINDS.generic;
  return (
    <span aria-hidden className={cn("flex size-8 shrink-0 items-center justify-center rounded-md", tone, className)}>
      <Icon className="size-4" />
    </span>
  );
}
