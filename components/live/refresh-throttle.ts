/** Events that arrive together (one commit often publishes several) are handled as one. */
const GATHER_MS = 50;

/**
 * Runs `work` shortly after the first event, then at most once per `intervalMs` while
 * events keep coming, the last one always followed by a run. A live page thus shows an
 * update as soon as it is known, and a burst (an alert group, a replay) costs two renders,
 * not one per event.
 */
export class RefreshThrottle {
  private lastRun = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly work: () => void,
    private readonly intervalMs: number,
  ) {}

  request(): void {
    if (this.timer) return;
    const wait = Math.max(GATHER_MS, this.lastRun + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastRun = Date.now();
      this.work();
    }, wait);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
