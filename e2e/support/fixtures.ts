import { test as base, expect } from "@playwright/test";
import { ConsoleGuard } from "./console-guard";

export { expect };

/**
 * Every spec imports `test` from here: it fails a test whose pages logged a console error
 * or threw, after the test's own assertions ran. That covers the default page and every
 * context a test opens itself with `browser.newContext()` (several people at once).
 */
export const test = base.extend<{ consoleGuard: ConsoleGuard }>({
  consoleGuard: [
    async ({ context, browser }, use) => {
      const guard = new ConsoleGuard();
      guard.watchContext(context);
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const opened = await newContext.apply(browser, args);
        guard.watchContext(opened);
        return opened;
      };
      // `use` returns when the test has finished, whether it passed or not.
      await use(guard);
      browser.newContext = newContext;
      expect(guard.problems, "console errors or uncaught exceptions on the visited pages").toEqual([]);
    },
    { auto: true },
  ],
});
