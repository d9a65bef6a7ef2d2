import { existsSync } from "node:fs";
import { defineConfig, devices, type LaunchOptions } from "@playwright/test";

// A fixed port, so that the URL the app believes it lives at (http://localhost:PORT, used
// for better-auth's trusted origin and the API's same-origin check) is the one we browse.
const PORT = Number(process.env.E2E_PORT ?? 3410);
const BASE_URL = `http://localhost:${PORT}`;

/**
 * Browsers cannot be downloaded here (nor in CI), so a system Chromium is used when there
 * is one: CHROMIUM_PATH, else the usual Debian/Ubuntu locations. Without one, Playwright's
 * own browser is used if it was installed beforehand; nothing is downloaded at test time.
 */
function systemChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return configured;
  }
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((candidate) => existsSync(candidate));
}

const executablePath = systemChromium();
const launchOptions: LaunchOptions = executablePath
  ? {
      executablePath,
      // Containers have no user namespaces for the sandbox, a small /dev/shm and no GPU;
      // the rest stops Chromium phoning home in the middle of a test.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // A flaky end-to-end test is a bug to fix, not to retry; traces explain failures instead.
  retries: 0,
  forbidOnly: true,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    headless: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: {
    // Prepares a fresh database (with a second organisation) and then runs the built app.
    command: "node e2e/start-server.mjs",
    url: `${BASE_URL}/api/health`,
    env: { E2E_PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
