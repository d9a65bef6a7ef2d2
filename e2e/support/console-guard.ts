import type { BrowserContext, ConsoleMessage, Page } from "@playwright/test";

export interface ConsoleProblem {
  page: string;
  kind: "console.error" | "pageerror";
  text: string;
  location?: string;
}

// What Chromium logs when a document or resource answers 404 (a network log entry, which
// Playwright reports as a console error).
const NOT_FOUND_LOG = /^Failed to load resource: the server responded with a status of 404/;
const REFUSED_LOG = /^Failed to load resource: the server responded with a status of (\d{3})/;

/**
 * Collects every console error and uncaught exception of every page it watches.
 * Nothing is ignored, except a 404 the test asked for on purpose with `expectNotFound`
 * (opening another organisation's incident must answer the 404 page, and Chromium logs
 * that answer as an error).
 */
export class ConsoleGuard {
  readonly problems: ConsoleProblem[] = [];
  private readonly expectedNotFound = new Set<string>();
  private readonly expectedRefusals = new Map<string, number>();

  /** Watches every page of the context, present and future. */
  watchContext(context: BrowserContext): void {
    for (const page of context.pages()) this.watch(page);
    context.on("page", (page) => this.watch(page));
  }

  /** The next 404 for this path (pathname of the document) is deliberate. */
  expectNotFound(pathname: string): void {
    this.expectedNotFound.add(pathname);
  }

  /** Answers `status` from this API path are deliberate (a 409 the page explains to its user). */
  expectRefusal(pathname: string, status: number): void {
    this.expectedRefusals.set(pathname, status);
  }

  private watch(page: Page): void {
    page.on("console", (message) => this.onConsole(page, message));
    page.on("pageerror", (error) => this.problems.push({ page: page.url(), kind: "pageerror", text: `${error.name}: ${error.message}` }));
  }

  private onConsole(page: Page, message: ConsoleMessage): void {
    if (message.type() !== "error") return;
    const location = message.location().url;
    if (NOT_FOUND_LOG.test(message.text()) && location && this.expectedNotFound.has(new URL(location).pathname)) return;
    const refused = REFUSED_LOG.exec(message.text());
    if (refused && location && this.expectedRefusals.get(new URL(location).pathname) === Number(refused[1])) return;
    this.problems.push({ page: page.url(), kind: "console.error", text: message.text(), location: location || undefined });
  }
}
