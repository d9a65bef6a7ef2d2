import { describe, expect, it } from "vitest";
import { compileRedactionPatterns, MAX_LOG_LINE_CHARS, redactLogTail } from "@/lib/ingest/kubernetes/log-redaction";
import { describeConfigError, eventSignal, jobSignals, podSignals, type PodSummary } from "@/lib/ingest/kubernetes/pod-signals";
import { decideRollout, type WorkloadSummary } from "@/lib/ingest/kubernetes/rollouts";
import { SignalFloodGate } from "@/lib/ingest/kubernetes/signal-flood";

const pod = (containers: PodSummary["containers"]): PodSummary => ({ namespace: "payments", name: "checkout-7d9f-abcde", uid: "u1", labels: { app: "checkout" }, containers });

describe("pod signals", () => {
  it("turns CrashLoopBackOff into a crash signal that asks for the previous log", () => {
    const s = podSignals(pod([{ name: "app", restartCount: 7, waiting: { reason: "CrashLoopBackOff" }, lastTerminated: { reason: "Error", exitCode: 1 } }]))[0]!;
    expect(s).toMatchObject({ kind: "crash_loop", object: "Pod/checkout-7d9f-abcde", restarts: 7, wantsLogOf: { pod: "checkout-7d9f-abcde", container: "app" } });
    expect(s.message).toBe("container app keeps crashing (exit code 1), restarts: 7");
  });

  it("names OOMKilled, image pulls and the missing ConfigMap, Secret or key", () => {
    expect(podSignals(pod([{ name: "app", restartCount: 2, waiting: { reason: "CrashLoopBackOff" }, lastTerminated: { reason: "OOMKilled", exitCode: 137 } }]))[0]!.kind).toBe("oom_killed");
    expect(podSignals(pod([{ name: "app", restartCount: 0, waiting: { reason: "ImagePullBackOff", message: "Back-off pulling image" } }]))[0]).toMatchObject({ kind: "image_pull", reason: "ImagePullBackOff" });
    const config = podSignals(pod([{ name: "app", restartCount: 0, waiting: { reason: "CreateContainerConfigError", message: 'configmap "checkout-config" not found' } }]))[0]!;
    expect(config.message).toBe('container app: missing ConfigMap "checkout-config"');
    expect(describeConfigError('secret "db-creds" not found')).toBe('missing Secret "db-creds"');
    expect(describeConfigError("couldn't find key DB_URL in Secret payments/db-creds")).toBe('missing key "DB_URL" in Secret "db-creds"');
  });

  it("ignores healthy pods and reports failed jobs and Warning events only", () => {
    expect(podSignals(pod([{ name: "app", restartCount: 0 }]))).toEqual([]);
    expect(jobSignals({ namespace: "n", name: "migrate", uid: "j", labels: {}, failedCondition: { reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" } })[0]).toMatchObject({ kind: "job_failed", reason: "BackoffLimitExceeded" });
    const base = { uid: "e1", namespace: "n", reason: "FailedMount", message: "m", count: 4, involvedObject: { kind: "Pod", name: "p" } };
    expect(eventSignal({ ...base, type: "Normal" })).toBeNull();
    expect(eventSignal({ ...base, type: "Warning" })).toMatchObject({ kind: "warning_event", object: "Pod/p", count: 4, dedupKey: "event/e1" });
  });
});

const workload = (over: Partial<WorkloadSummary> = {}): WorkloadSummary => ({
  kind: "Deployment", namespace: "payments", name: "checkout", labels: {}, annotations: {}, templateHash: "h2", images: ["registry/checkout:1.4.2"], revision: "5",
  replicas: 3, updatedReplicas: 1, readyReplicas: 2, unavailableReplicas: 1, observedCurrent: true, ...over,
});

describe("rollouts", () => {
  it("takes the first sight as a baseline and a new template hash as a started rollout with its trigger", () => {
    expect(decideRollout(null, workload()).change).toBeNull();
    const started = decideRollout({ templateHash: "h1", images: ["registry/checkout:1.4.1"], status: "complete" }, workload({ labels: { "kustomize.toolkit.fluxcd.io/name": "apps" } }));
    expect(started.change).toMatchObject({ kind: "rollout_started", trigger: "Flux Kustomization flux-system/apps" });
    expect(started.change!.description).toContain("registry/checkout:1.4.1 → registry/checkout:1.4.2");
  });

  it("completes when every replica is updated and ready, fails on ProgressDeadlineExceeded once", () => {
    const progressing = { templateHash: "h2", images: ["registry/checkout:1.4.2"], status: "progressing" as const };
    expect(decideRollout(progressing, workload({ updatedReplicas: 3, readyReplicas: 3, unavailableReplicas: 0 })).change?.kind).toBe("rollout_completed");
    const failed = decideRollout(progressing, workload({ progressingReason: "ProgressDeadlineExceeded", annotations: { "kubernetes.io/change-cause": "kubectl set image" } }));
    expect(failed.change).toMatchObject({ kind: "rollout_failed", trigger: "kubectl set image" });
    expect(decideRollout({ ...progressing, status: "failed" }, workload({ progressingReason: "ProgressDeadlineExceeded" })).change).toBeNull();
  });
});

describe("log redaction", () => {
  const patterns = compileRedactionPatterns();
  it("masks bearer headers, passwords and tokens and keeps the last 30 lines", () => {
    const log = [...Array.from({ length: 40 }, (_, i) => `line ${i}`), "Authorization: Bearer abc.def.ghi", "DB password=hunter2 host=db", 'token: "s3cr3t"', ""].join("\n");
    const tail = redactLogTail(log, patterns);
    expect(tail).toHaveLength(30);
    expect(tail.slice(-3)).toEqual(["Authorization: Bearer [REDACTED]", "DB password=[REDACTED] host=db", 'token: "[REDACTED]"']);
  });

  it("masks the password of a connection URL and keeps the user and host", () => {
    expect(redactLogTail("connecting to postgres://checkout:s3cr3t-pw@db:5432/checkout\nfetch https://example.com/a:b@c", patterns)).toEqual([
      "connecting to postgres://checkout:[REDACTED]@db:5432/checkout",
      "fetch https://example.com/a:b@c",
    ]);
  });

  it("caps long lines and takes custom patterns", () => {
    const line = redactLogTail("x".repeat(2_000), patterns)[0]!;
    expect(line.startsWith("x".repeat(MAX_LOG_LINE_CHARS))).toBe(true);
    expect(line).toContain("1500 more characters");
    expect(redactLogTail("card 4111111111111111", compileRedactionPatterns([String.raw`()\d{16}`]))).toEqual(["card [REDACTED]"]);
  });
});

describe("flood gate", () => {
  it("admits a few signals per object per window and summarises the rest", () => {
    const gate = new SignalFloodGate({ perObject: 2, windowMs: 1_000, maxTrackedObjects: 10_000 }, 0);
    let admitted = 0;
    for (let pod = 0; pod < 500; pod++) for (let i = 0; i < 5; i++) if (gate.admit(`Pod/p${pod}`, "payments", "CrashLoopBackOff", 10)) admitted++;
    expect(admitted).toBe(1_000);
    expect(gate.drainSummaries(500)).toEqual([]);
    expect(gate.drainSummaries(1_000)).toEqual([{ namespace: "payments", reason: "CrashLoopBackOff", suppressed: 1_500, objects: 500 }]);
    expect(gate.admit("Pod/p0", "payments", "CrashLoopBackOff", 1_500)).toBe(true);
  });
});
