import { test as base, expect } from "@playwright/test";
import { ConsoleGuard } from "./console-guard";

export { expect };

/**
 * Every spec imports `test` from here: it fails a test whose pages logged a console error
 * or threw, after the test's own assertions ran.
 */
export const test = base.extend<{ consoleGuard: ConsoleGuard }>({
  consoleGuard: [
    async ({ context }, use) => {
      const guard = new ConsoleGuard(context);
      await use(guard);
      expect(guard.problems, "console errors or uncaught exceptions on the visited pages").toEqual([]);
    },
    { auto: true },
  ],
});
