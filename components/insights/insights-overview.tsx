import { KEY_TIME_METRICS } from "@/lib/insights/key-time-metrics";
import { formatDuration } from "@/lib/core/durations";
import { SEVERITIES } from "@/lib/core/severity";
import type { InsightsView, TrendPoint } from "@/lib/services/insights/views";
import { CATEGORY_COLOURS, FAILURE_COLOUR, OTHER_COLOUR, SEVERITY_COLOURS, SUCCESS_COLOUR } from "./chart-palette";
import { DurationTrend } from "./duration-trend";
import { InsightTable } from "./insight-table";
import { actionItemsTable, deliveryTables, rankedKeys, responseTimesTable, trendTables } from "./insight-tables";
import { monthsBetween } from "./month-label";
import { StackedMonthBars, type BarSeries } from "./stacked-month-bars";

/** Categories past this many are drawn as one "Other" so the colours stay tellable apart. */
const TOP = 5;

function Panel({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4 shadow-xs">
      <div>
        <h3 className="text-sm font-semibold">{title}</h3>
        {description && <p className="mt-0.5 text-xs text-muted-foreground">{description}</p>}
      </div>
      {children}
    </section>
  );
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="flex flex-col gap-0.5 rounded-lg border border-border bg-card px-4 py-3 shadow-xs">
      <span className="text-xs text-muted-foreground">{label}</span>
      <span className="tabular text-xl font-semibold">{value}</span>
      {detail && <span className="text-xs text-muted-foreground">{detail}</span>}
    </div>
  );
}

/** A trend as stacked bars: the top keys by incidents in their own colours, the rest as Other. */
function trendBars(points: TrendPoint[], none: string, colours?: Record<string, string>) {
  const ranked = colours ? SEVERITIES.filter((s) => points.some((p) => p.key === s)) : rankedKeys(points);
  const shown = colours ? ranked : ranked.slice(0, TOP);
  const series: BarSeries[] = shown.map((key, i) => ({
    key: key ?? "__none",
    label: key ?? none,
    colour: colours?.[key ?? ""] ?? (key === null ? OTHER_COLOUR : CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]!),
  }));
  const hasOther = ranked.length > shown.length;
  if (hasOther) series.push({ key: "__other", label: "Other", colour: OTHER_COLOUR });
  const values: Record<string, Record<string, number>> = {};
  for (const p of points) {
    const bucket = shown.includes(p.key) ? (p.key ?? "__none") : "__other";
    values[p.month] = { ...values[p.month], [bucket]: (values[p.month]?.[bucket] ?? 0) + p.incidents };
  }
  return { series, values };
}

function seconds(value: number | null): string {
  return value === null ? "—" : formatDuration(value * 1000);
}

/**
 * The insights page below its filters: response times per month (median and p90), incidents
 * by severity, service and root cause, delivery health, action items and regulatory reports,
 * each chart followed by its table (with CSV). `monthly` is the same question grouped by month.
 */
export function InsightsOverview({ view, monthly }: { view: InsightsView; monthly: InsightsView }) {
  const months = monthsBetween(view.from, view.to);
  const byMonth = new Map(monthly.groups.map((g) => [g.key, g]));
  const [trendSeverity, trendService, trendCause] = trendTables(view);
  const severity = trendBars(view.trends.bySeverity, "—", SEVERITY_COLOURS);
  const service = trendBars(view.trends.byService, "No service");
  const cause = trendBars(view.trends.byRootCause, "Not recorded");
  const deployments: Record<string, Record<string, number>> = {};
  for (const m of view.changes.byMonth) if (m.key) deployments[m.key] = { ok: m.deployments - m.failedDeployments, failed: m.failedDeployments };
  const { changes, actionItems, regulatory } = view;
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="response-heading" className="flex flex-col gap-4">
        <h2 id="response-heading" className="text-lg font-semibold">
          Response times
        </h2>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          {KEY_TIME_METRICS.map((metric) => (
            <Panel key={metric.id} title={`${metric.label} by month`} description={metric.definition}>
              <DurationTrend
                width={560}
                title={`${metric.label} by month`}
                points={months.map((month) => {
                  const g = byMonth.get(month);
                  return { month, median: g?.[metric.id].median ?? null, p90: g?.[metric.id].p90 ?? null, n: g?.[metric.id].n ?? 0, incidents: g?.incidents ?? 0 };
                })}
              />
            </Panel>
          ))}
        </div>
        <InsightTable table={responseTimesTable(view)} />
      </section>

      <section aria-labelledby="incidents-heading" className="flex flex-col gap-4">
        <h2 id="incidents-heading" className="text-lg font-semibold">
          Incidents over time
        </h2>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
          <Panel title="By severity">
            <StackedMonthBars width={400} title="Incidents by month and severity" months={months} {...severity} />
          </Panel>
          <Panel title="By service" description={`The ${TOP} services with most incidents; an incident on two services counts for each.`}>
            <StackedMonthBars width={400} title="Incidents by month and service" months={months} {...service} />
          </Panel>
          <Panel title="By root cause" description="Root-cause codes recorded on the incident.">
            <StackedMonthBars width={400} title="Incidents by month and root cause" months={months} {...cause} />
          </Panel>
        </div>
        <div className="grid grid-cols-1 gap-4">
          {[trendSeverity!, trendService!, trendCause!].map((table) => (
            <InsightTable key={table.id} table={table} />
          ))}
        </div>
      </section>

      <section aria-labelledby="delivery-heading" className="flex flex-col gap-4">
        <h2 id="delivery-heading" className="text-lg font-semibold">
          Delivery health
        </h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat label="Deployments" value={String(changes.deployments)} detail={`${changes.perWeek} per week`} />
          <Stat label="Change failure rate" value={changes.changeFailureRate === null ? "—" : `${Math.round(changes.changeFailureRate * 100)}%`} detail={`${changes.failedDeployments} linked to an incident`} />
          <Stat label="Failed deployment recovery" value={seconds(changes.recoveryTime.median)} detail={`median · p90 ${seconds(changes.recoveryTime.p90)} · ${changes.recoveryTime.n} recovered`} />
          <Stat label="Regulatory reports" value={String(regulatory.reports)} detail={`${regulatory.onTime} on time · ${regulatory.late} late`} />
        </div>
        <Panel title="Deployments by month" description="GitHub deployments and Argo CD syncs that finished; red: later linked to an incident as suspect or culprit.">
          <StackedMonthBars
            width={1100}
            height={200}
            title="Deployments by month"
            months={months}
            series={[
              { key: "ok", label: "No incident linked", colour: SUCCESS_COLOUR },
              { key: "failed", label: "Change failure", colour: FAILURE_COLOUR },
            ]}
            values={deployments}
          />
        </Panel>
        <div className="grid grid-cols-1 gap-4">
          {deliveryTables(view).map((table) => (
            <InsightTable key={table.id} table={table} />
          ))}
        </div>
      </section>

      <section aria-labelledby="actions-heading" className="flex flex-col gap-4">
        <h2 id="actions-heading" className="text-lg font-semibold">
          Action items
        </h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat label="Open" value={String(actionItems.open)} />
          <Stat label="Overdue" value={String(actionItems.overdue)} />
          <Stat label="Closed on time" value={String(actionItems.closedOnTime)} />
          <Stat label="Closed late" value={String(actionItems.closedLate)} />
        </div>
        <InsightTable table={actionItemsTable(view)} />
      </section>
    </div>
  );
}
