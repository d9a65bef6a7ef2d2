/**
 * A crash loop of 500 pods must not write 500 rows a second nor 500 timeline entries. Each
 * object gets a token bucket; what a bucket refuses is counted and summarised per namespace
 * and reason once a window ends. Memory is bounded by the number of buckets kept.
 */

export interface FloodLimits {
  /** signals per object per window */
  perObject: number;
  windowMs: number;
  maxTrackedObjects: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = { perObject: 3, windowMs: 60_000, maxTrackedObjects: 20_000 };

export interface FloodSummary {
  namespace: string;
  reason: string;
  suppressed: number;
  objects: number;
}

export class SignalFloodGate {
  private readonly buckets = new Map<string, { windowStart: number; used: number }>();
  private readonly suppressed = new Map<string, { namespace: string; reason: string; count: number; objects: Set<string> }>();
  private windowStart: number;

  constructor(
    private readonly limits: FloodLimits = DEFAULT_FLOOD_LIMITS,
    now = 0,
  ) {
    this.windowStart = now;
  }

  /** True when the signal may be written now. */
  admit(object: string, namespace: string, reason: string, now: number): boolean {
    let bucket = this.buckets.get(object);
    if (!bucket || now - bucket.windowStart >= this.limits.windowMs) {
      if (!bucket && this.buckets.size >= this.limits.maxTrackedObjects) this.buckets.clear();
      bucket = { windowStart: now, used: 0 };
      this.buckets.set(object, bucket);
    }
    if (bucket.used < this.limits.perObject) {
      bucket.used += 1;
      return true;
    }
    const key = `${namespace}\u0000${reason}`;
    let entry = this.suppressed.get(key);
    if (!entry) this.suppressed.set(key, (entry = { namespace, reason, count: 0, objects: new Set() }));
    entry.count += 1;
    if (entry.objects.size < this.limits.maxTrackedObjects) entry.objects.add(object);
    return false;
  }

  /** The summaries of a finished window (nothing while the window runs). */
  drainSummaries(now: number): FloodSummary[] {
    if (now - this.windowStart < this.limits.windowMs) return [];
    this.windowStart = now;
    const out = [...this.suppressed.values()].map((e) => ({ namespace: e.namespace, reason: e.reason, suppressed: e.count, objects: e.objects.size }));
    this.suppressed.clear();
    return out;
  }
}
