"use client";

import { AxisBottom, AxisLeft } from "@visx/axis";
import { scaleLinear, scalePoint } from "@visx/scale";
import { LinePath } from "@visx/shape";
import { formatDuration } from "@/lib/core/durations";
import { monthLabel } from "./month-label";

export interface DurationPoint {
  month: string;
  median: number | null;
  p90: number | null;
  n: number;
  incidents: number;
}

const MARGIN = { top: 12, right: 16, bottom: 28, left: 56 };
const MEDIAN = "#0072B2";
/** Tick steps a person reads at a glance: seconds, minutes, hours, days. */
const STEPS = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800];

function tickLabel(seconds: number): string {
  if (seconds === 0) return "0";
  if (seconds < 60) return `${seconds}s`;
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  if (hours === 0) return `${minutes}m`;
  return minutes === 0 ? `${hours}h` : `${hours}h ${minutes}m`;
}
const P90 = "#D55E00";

/**
 * A response time per month: the median as a solid line, the 90th percentile dashed, in
 * seconds formatted as durations. Months without data leave a gap (never a zero); each
 * point tells its count and how many incidents had no such time.
 */
export function DurationTrend({ title, points, height = 220, width = 640 }: { title: string; points: DurationPoint[]; height?: number; width?: number }) {
  const max = Math.max(60, ...points.flatMap((p) => [p.median ?? 0, p.p90 ?? 0]));
  const step = STEPS.find((candidate) => max / candidate <= 5) ?? STEPS.at(-1)!;
  const top = Math.ceil(max / step) * step;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const x = scalePoint({ domain: points.map((p) => p.month), range: [MARGIN.left + 8, width - MARGIN.right - 8] });
  const y = scaleLinear({ domain: [0, top], range: [height - MARGIN.bottom, MARGIN.top] });
  // One month label per ~46 px, so labels never overlap on a narrow chart.
  const every = Math.max(1, Math.ceil(points.length / Math.floor((width - MARGIN.left - MARGIN.right) / 46)));
  const line = (value: "median" | "p90", colour: string, dash?: string) => (
    <LinePath
      data={points}
      x={(p) => x(p.month) ?? 0}
      y={(p) => y(p[value] ?? 0)}
      defined={(p) => p[value] !== null}
      stroke={colour}
      strokeWidth={2}
      strokeDasharray={dash}
      fill="none"
    />
  );
  const summary = points
    .filter((p) => p.median !== null)
    .map((p) => `${monthLabel(p.month, true)}: median ${formatDuration(p.median! * 1000)}, p90 ${formatDuration(p.p90! * 1000)} (${p.n} of ${p.incidents})`)
    .join("; ");
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={`${title}. ${summary || "No data in this range."}`}>
        {ticks.map((tick) => (
          <line key={tick} x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} className="stroke-border" strokeDasharray="2 3" />
        ))}
        {line("p90", P90, "5 4")}
        {line("median", MEDIAN)}
        {points.map((p) =>
          (["median", "p90"] as const).map((value) =>
            p[value] === null ? null : (
              <circle key={`${p.month}-${value}`} cx={x(p.month)} cy={y(p[value]!)} r={3.5} fill={value === "median" ? MEDIAN : P90}>
                <title>{`${monthLabel(p.month, true)} · ${value === "median" ? "median" : "p90"} ${formatDuration(p[value]! * 1000)} · ${p.n} of ${p.incidents} incidents (${p.incidents - p.n} missing)`}</title>
              </circle>
            ),
          ),
        )}
        <AxisLeft
          scale={y}
          left={MARGIN.left}
          tickValues={ticks}
          tickFormat={(v) => tickLabel(Number(v))}
          hideAxisLine
          tickStroke="transparent"
          tickLabelProps={{ className: "fill-muted-foreground text-[11px]", textAnchor: "end", dx: -4, dy: 3 }}
        />
        <AxisBottom
          scale={x}
          top={height - MARGIN.bottom}
          tickFormat={(month) => (points.findIndex((p) => p.month === month) % every === 0 ? monthLabel(month) : "")}
          tickLabelProps={{ className: "fill-muted-foreground text-[11px]", textAnchor: "middle" }}
          stroke="currentColor"
          strokeWidth={0.5}
          tickStroke="transparent"
        />
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="h-0.5 w-4" style={{ background: MEDIAN }} />
          Median
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="h-0 w-4 border-t-2 border-dashed" style={{ borderColor: P90 }} />
          90th percentile
        </span>
      </figcaption>
    </figure>
  );
}
