import type { DurationSummary, InsightGrouping } from "@/lib/insights/key-time-metrics";
import type { HealthReason, HealthState } from "@/lib/insights/service-health";

/** One group of incidents (a severity, service, team or month) and its response times. */
export interface KeyTimeGroupView {
  /** the severity, service slug, team slug or month (YYYY-MM); null: no service or team */
  key: string | null;
  incidents: number;
  mttd: DurationSummary;
  mtta: DurationSummary;
  mttm: DurationSummary;
  mttr: DurationSummary;
  /** incidents that started outside every owning team's working hours; share of those with a team */
  offHours: { count: number; share: number | null };
}

/** Incidents per month and a dimension (severity, service, root cause) for the trend charts. */
export interface TrendPoint {
  month: string;
  /** null: no service, or no root cause recorded */
  key: string | null;
  incidents: number;
}

export interface DeliveryHealthView {
  /** service or team slug, or month; null: the total, or changes on no service/team */
  key: string | null;
  deployments: number;
  /** deployments a responder linked to an incident as suspect or culprit */
  failedDeployments: number;
  /** failedDeployments ÷ deployments; null without deployments */
  changeFailureRate: number | null;
  /** deployments per week over the range */
  perWeek: number;
  /** seconds from a failed deployment to the resolution of the incidents it caused */
  recoveryTime: DurationSummary;
}

interface ActionItemCountsView {
  /** team slug; null: items of incidents on no team's services */
  key: string | null;
  open: number;
  overdue: number;
  closedOnTime: number;
  closedLate: number;
}

export interface InsightsView {
  from: string;
  to: string;
  groupBy: InsightGrouping;
  groups: KeyTimeGroupView[];
  trends: { bySeverity: TrendPoint[]; byService: TrendPoint[]; byRootCause: TrendPoint[] };
  changes: DeliveryHealthView & { byService: DeliveryHealthView[]; byTeam: DeliveryHealthView[]; byMonth: DeliveryHealthView[] };
  actionItems: Omit<ActionItemCountsView, "key"> & { byTeam: ActionItemCountsView[] };
  regulatory: { reports: number; onTime: number; late: number };
}

export interface ServiceHealthView {
  service: string;
  name: string;
  team: string | null;
  teamName: string | null;
  state: HealthState;
  reasons: HealthReason[];
}

export interface TeamHealthView {
  /** null: services no team owns */
  team: string | null;
  teamName: string | null;
  services: ServiceHealthView[];
}

export interface ServiceHealthBoardView {
  teams: TeamHealthView[];
}

export interface DigestIncident {
  ref: string;
  title: string;
  severity: string;
  status: string;
  services: string[];
  at: string;
}

export interface DigestAlert {
  name: string;
  service: string | null;
  severity: string | null;
  status: "firing" | "resolved";
  startsAt: string;
  incidentRef: string | null;
}

export interface DigestChange {
  id: string;
  kind: string;
  service: string | null;
  title: string;
  revision: string | null;
  environment: string | null;
  url: string | null;
  occurredAt: string;
}

export interface DigestActionItem {
  id: string;
  title: string;
  incidentRef: string;
  dueDate: string;
  status: string;
  overdue: boolean;
}

export interface DigestView {
  since: string;
  until: string;
  scope: { team: string | null; service: string | null };
  incidents: { opened: DigestIncident[]; resolved: DigestIncident[] };
  alerts: DigestAlert[];
  changes: { released: DigestChange[]; failed: DigestChange[] };
  actionItemsDue: DigestActionItem[];
  health: Array<Pick<ServiceHealthView, "service" | "state" | "reasons">>;
}
