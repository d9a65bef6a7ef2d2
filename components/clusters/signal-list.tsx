import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/time/timestamp";
import type { SignalView } from "@/lib/services/clusters/views";

const KIND_LABELS: Record<string, string> = {
  crash_loop: "Crash loop",
  oom_killed: "OOM killed",
  image_pull: "Image pull",
  config_error: "Config error",
  job_failed: "Job failed",
  warning_event: "Warning event",
  flood: "Summarised",
};

const FAILING = new Set(["crash_loop", "oom_killed", "image_pull", "config_error", "job_failed"]);

/**
 * Cluster signals as responders read them: what failed (kind, workload, reason), how often,
 * since when, and for a crash the last lines its previous container logged (redacted by the
 * watcher), folded away until asked for: thirty lines per pod would bury everything else.
 */
export function SignalList({ signals, label }: { signals: SignalView[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-col divide-y divide-border">
      {signals.map((signal) => (
        <li key={signal.id} data-testid="cluster-signal" className="flex flex-col gap-1.5 py-2.5 first:pt-0 last:pb-0">
          <div className="flex flex-wrap items-center gap-1.5">
            <Badge variant={FAILING.has(signal.kind) ? "destructive" : "muted"}>{KIND_LABELS[signal.kind] ?? signal.kind}</Badge>
            <span className="min-w-0 font-mono text-xs font-medium [overflow-wrap:anywhere]">{signal.object}</span>
            <span className="text-xs text-muted-foreground">
              {signal.namespace} · {signal.cluster}
            </span>
          </div>
          <p className="text-sm">
            <span className="font-medium">{signal.reason}</span>
            <span className="text-muted-foreground">: {signal.message}</span>
          </p>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-[11px] sm:grid-cols-[auto_minmax(0,1fr)_auto_minmax(0,1fr)]">
            <dt className="text-muted-foreground">{signal.restarts === null ? "Seen" : "Restarts"}</dt>
            <dd className="tabular">{signal.restarts ?? `${signal.count}×`}</dd>
            {signal.service && (
              <>
                <dt className="text-muted-foreground">Service</dt>
                <dd className="font-mono">{signal.service}</dd>
              </>
            )}
            <dt className="text-muted-foreground">First seen</dt>
            <dd>
              <Timestamp value={signal.firstSeen} precision="minutes" className="whitespace-normal" />
            </dd>
            <dt className="text-muted-foreground">Last seen</dt>
            <dd>
              <Timestamp value={signal.lastSeen} precision="minutes" className="whitespace-normal" />
            </dd>
          </dl>
          {signal.logTail && signal.logTail.length > 0 && (
            <details className="group text-xs">
              <summary className="cursor-pointer select-none text-muted-foreground hover:text-foreground">
                Last {signal.logTail.length} log line{signal.logTail.length === 1 ? "" : "s"} of the previous container
              </summary>
              <pre data-testid="signal-log" className="mt-1.5 max-h-80 overflow-auto rounded-md border border-border bg-muted/60 px-2.5 py-2 font-mono text-[11px] leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]">
                {signal.logTail.join("\n")}
              </pre>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
