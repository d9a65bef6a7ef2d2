/**
 * When the page on screen began to load, on the performance.now() clock: a live event that
 * arrived after it may be missing from what the server rendered for the page (see
 * LiveConnection.subscribe). A full load starts at 0; a client-side navigation is marked by
 * onRouterTransitionStart in instrumentation-client.ts. A performance mark, not a module
 * variable, so that instrumentation-client's bundle and the app's read the same value.
 */
const MARK = "logbook:navigation-start";

export function markNavigationStart(): void {
  performance.clearMarks(MARK);
  performance.mark(MARK);
}

export function navigationStartedAt(): number {
  return performance.getEntriesByName(MARK, "mark").at(-1)?.startTime ?? 0;
}
