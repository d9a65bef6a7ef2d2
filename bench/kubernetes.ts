/**
 * bench:kubernetes — how many cluster objects per second the watcher's decisions turn into
 * signals and changes, and the heap it keeps, with 10,000 pods crash-looping and 1,000 events
 * a second. The database writes are the ingest benches' business; this measures the per-object
 * work and memory the watcher adds (object → summary → decision → flood gate → redaction).
 */
import { compileRedactionPatterns, redactLogTail } from "@/lib/ingest/kubernetes/log-redaction";
import { eventSummaryOf, podSummaryOf, workloadSummaryOf } from "@/lib/ingest/kubernetes/object-summaries";
import { eventSignal, podSignals } from "@/lib/ingest/kubernetes/pod-signals";
import { decideRollout } from "@/lib/ingest/kubernetes/rollouts";
import { SignalFloodGate } from "@/lib/ingest/kubernetes/signal-flood";

const PODS = 10_000;
const SECONDS = 20;
const EVENTS_PER_SECOND = 1_000;

const pod = (i: number, restarts: number) => ({
  apiVersion: "v1", kind: "Pod",
  metadata: { name: `checkout-${i}`, namespace: `ns-${i % 50}`, uid: `uid-${i}`, labels: { app: `svc-${i % 300}`, "pod-template-hash": "abc" }, ownerReferences: [{ kind: "ReplicaSet", name: `checkout-${i % 300}-abc` }] },
  spec: { containers: [{ name: "app", image: "registry/checkout:1.4.2", env: Array.from({ length: 20 }, (_, e) => ({ name: `VAR_${e}`, value: "x".repeat(40) })) }] },
  status: { phase: "Running", containerStatuses: [{ name: "app", restartCount: restarts, state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 5m0s restarting failed container" } }, lastState: { terminated: { reason: "Error", exitCode: 1 } } }] },
});
const event = (i: number) => ({ apiVersion: "v1", kind: "Event", metadata: { name: `ev-${i}`, namespace: `ns-${i % 50}`, uid: `ev-${i % 5_000}` }, type: "Warning", reason: "BackOff", message: "Back-off restarting failed container", count: i, involvedObject: { kind: "Pod", name: `checkout-${i % PODS}` } });
const deployment = (i: number, generation: number) => ({ metadata: { name: `svc-${i}`, namespace: `ns-${i % 50}`, generation, labels: {}, annotations: {} }, spec: { replicas: 3, template: { spec: { containers: [{ image: `registry/svc-${i}:${generation}` }] } } }, status: { observedGeneration: generation, replicas: 3, updatedReplicas: 3, readyReplicas: 3 } });

const patterns = compileRedactionPatterns();
const crashLog = Array.from({ length: 30 }, (_, l) => `2026-12-02T10:00:${String(l).padStart(2, "0")}Z connecting with password=hunter${l} Authorization: Bearer abc.def.${l}`).join("\n");
const gate = new SignalFloodGate(undefined, 0);
const stored = new Map<string, { templateHash: string; images: string[]; status: "progressing" | "complete" | "failed" }>();

let objects = 0;
let signalsAdmitted = 0;
let changes = 0;
let logsRedacted = 0;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let peakHeap = heapBefore;
const started = performance.now();
for (let second = 0; second < SECONDS; second++) {
  const now = second * 1_000;
  // Every pod reports once in the run's first seconds (the list), then a share crash again each second.
  const batch = second === 0 ? PODS : 500;
  for (let k = 0; k < batch; k++) {
    const i = second === 0 ? k : (second * 500 + k) % PODS;
    for (const s of podSignals(podSummaryOf(pod(i, second + 1)))) {
      objects++;
      if (gate.admit(s.dedupKey, s.namespace, s.reason, now)) {
        signalsAdmitted++;
        if (s.wantsLogOf) {
          redactLogTail(crashLog, patterns);
          logsRedacted++;
        }
      }
    }
  }
  for (let e = 0; e < EVENTS_PER_SECOND; e++) {
    objects++;
    const s = eventSignal(eventSummaryOf(event(second * EVENTS_PER_SECOND + e)));
    if (s && gate.admit(s.dedupKey, s.namespace, s.reason, now)) signalsAdmitted++;
  }
  for (let d = 0; d < 300; d++) {
    objects++;
    const w = workloadSummaryOf("Deployment", deployment(d, 1 + Math.floor(second / 5)));
    const key = `${w.namespace}/${w.name}`;
    const decision = decideRollout(stored.get(key) ?? null, w);
    if (decision.change) changes++;
    stored.set(key, { templateHash: w.templateHash, images: w.images, status: decision.status });
  }
  gate.drainSummaries(now + 60_000 * (second % 3 === 0 ? 1 : 0));
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const elapsedMs = performance.now() - started;
gc?.();
const heapAfter = process.memoryUsage().heapUsed;
const simulatedObjects = PODS + (SECONDS - 1) * 500 + SECONDS * (EVENTS_PER_SECOND + 300);
console.log(`bench:kubernetes — ${PODS.toLocaleString()} crash-looping pods, ${EVENTS_PER_SECOND} Warning events/s, 300 deployments, ${SECONDS} simulated seconds`);
console.log(`  objects decided        ${objects.toLocaleString()} (${simulatedObjects.toLocaleString()} offered) in ${elapsedMs.toFixed(0)} ms → ${Math.round((objects / elapsedMs) * 1000).toLocaleString()} objects/s`);
console.log(`  keeps up with          ${((objects / elapsedMs) * 1000 / (simulatedObjects / SECONDS)).toFixed(1)}× the offered rate (${Math.round(simulatedObjects / SECONDS).toLocaleString()}/s)`);
console.log(`  signals admitted       ${signalsAdmitted.toLocaleString()} (rest rate-limited and summarised), crash logs redacted ${logsRedacted.toLocaleString()}, rollout changes ${changes}`);
console.log(`  heap                   before ${(heapBefore / 1e6).toFixed(1)} MB, peak ${(peakHeap / 1e6).toFixed(1)} MB, retained after ${(heapAfter / 1e6).toFixed(1)} MB${gc ? "" : " (run with --expose-gc for retained figures)"}`);
