"use client";

import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { monthLabel } from "./month-label";

export interface BarSeries {
  key: string;
  label: string;
  colour: string;
}

const MARGIN = { top: 12, right: 12, bottom: 28, left: 40 };

/**
 * Counts per month stacked by series (incidents by severity, deployments by outcome). SVG
 * scaled to its container; every segment names its month, series and count on hover, and
 * the figure carries a text summary for screen readers.
 */
export function StackedMonthBars({
  title,
  months,
  series,
  values,
  height = 220,
  width = 640,
}: {
  title: string;
  months: string[];
  series: BarSeries[];
  /** values[month][series key] */
  values: Record<string, Record<string, number>>;
  height?: number;
  /** drawing width: about the width the chart gets on a desktop, so its text is drawn near true size */
  width?: number;
}) {
  const totals = months.map((month) => series.reduce((sum, s) => sum + (values[month]?.[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const x = scaleBand({ domain: months, range: [MARGIN.left, width - MARGIN.right], padding: 0.25 });
  const y = scaleLinear({ domain: [0, max], range: [height - MARGIN.bottom, MARGIN.top], nice: true });
  // One month label per ~46 px, so labels never overlap on a narrow chart.
  const every = Math.max(1, Math.ceil(months.length / Math.floor((width - MARGIN.left - MARGIN.right) / 46)));
  const summary = months.map((month, i) => `${monthLabel(month, true)}: ${totals[i]}`).join(", ");
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={`${title}. ${summary}`}>
        {y.ticks(4).map((tick) => (
          <line key={tick} x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} className="stroke-border" strokeDasharray="2 3" />
        ))}
        <Group>
          {months.map((month) => {
            let base = 0;
            return series.map((s) => {
              const value = values[month]?.[s.key] ?? 0;
              if (value === 0) return null;
              const top = y(base + value);
              const bottom = y(base);
              base += value;
              return (
                <rect key={`${month}-${s.key}`} x={x(month)} y={top} width={x.bandwidth()} height={Math.max(0, bottom - top)} fill={s.colour}>
                  <title>{`${monthLabel(month, true)} · ${s.label}: ${value}`}</title>
                </rect>
              );
            });
          })}
        </Group>
        <AxisLeft scale={y} left={MARGIN.left} numTicks={4} tickFormat={(v) => String(v)} hideAxisLine tickLabelProps={{ className: "fill-muted-foreground text-[11px]", textAnchor: "end", dx: -4, dy: 3 }} tickStroke="transparent" />
        <AxisBottom
          scale={x}
          top={height - MARGIN.bottom}
          tickFormat={(month) => (months.indexOf(month) % every === 0 ? monthLabel(month) : "")}
          tickLabelProps={{ className: "fill-muted-foreground text-[11px]", textAnchor: "middle" }}
          stroke="currentColor"
          strokeWidth={0.5}
          tickStroke="transparent"
        />
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {series.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1.5">
            <span aria-hidden className="size-2.5 rounded-sm" style={{ background: s.colour }} />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
