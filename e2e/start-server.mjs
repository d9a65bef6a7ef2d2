// Playwright's webServer command: a fresh database every run, a second organisation made
// through the admin CLI (for the tenant-isolation spec), then the built app on E2E_PORT.
// With PGlite only one process may hold the data directory, so the CLI runs to completion
// before the server opens it. With E2E_DATABASE_URL (a PostgreSQL server) a throwaway
// database logbook_e2e_<port> is made on it instead.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";

const port = Number(process.env.E2E_PORT ?? 3410);
// The same second organisation as e2e/support/accounts.ts (this script runs without TypeScript).
const OTHER_ORG = { slug: "other", name: "Other Org", email: "other-admin@other.example", password: "other-password-1" };

const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: String(port),
  LOGBOOK_SEED: "demo",
  NEXT_TELEMETRY_DISABLED: "1",
  // The specs sign in several people within seconds from one address; better-auth's
  // production limit (3 sign-ins per 10 s per IP) would answer 429 to the fourth.
  LOGBOOK_DISABLE_RATE_LIMIT: "1",
  // e2e/slack.spec.ts runs a loopback Slack Web API on this port while it needs one.
  SLACK_API_URL: `http://127.0.0.1:${port + 1000}/api/`,
};
delete env.DATABASE_URL;
delete env.LOGBOOK_DATA_DIR;

// Runs once the server has stopped; the PGlite directory is kept for inspection instead.
let dropDatabase = async () => {};

if (process.env.E2E_DATABASE_URL) {
  const { default: postgres } = await import("postgres");
  const name = `logbook_e2e_${port}`;
  const onAdmin = async (statement) => {
    const admin = postgres(process.env.E2E_DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(statement);
    } finally {
      await admin.end();
    }
  };
  await onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await onAdmin(`CREATE DATABASE ${name}`);
  dropDatabase = () => onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((error) => console.error(`e2e: could not drop ${name}: ${error.message}`));
  const url = new URL(process.env.E2E_DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  // Production refuses PostgreSQL without a configured secret; a test run needs no stable one.
  env.BETTER_AUTH_SECRET = process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString("base64url");
} else {
  env.LOGBOOK_DATA_DIR = `/tmp/logbook-e2e-${port}`;
  rmSync(env.LOGBOOK_DATA_DIR, { recursive: true, force: true });
  mkdirSync(env.LOGBOOK_DATA_DIR, { recursive: true });
}

// `node --import tsx` rather than `npx tsx`: one process, so signals reach the server itself.
const tsx = (script, args = []) => [process.execPath, ["--import", "tsx", script, ...args]];

function cli(...args) {
  const [command, argv] = tsx("cli/index.ts", args);
  const result = spawnSync(command, argv, { env, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) {
    console.error(`e2e: \`logbook ${args.join(" ")}\` failed (exit ${result.status})`);
    process.exit(1);
  }
}

cli("org", "create", "--slug", OTHER_ORG.slug, "--name", OTHER_ORG.name);
cli("user", "create", "--org", OTHER_ORG.slug, "--email", OTHER_ORG.email, "--role", "admin", "--name", "Olga Other", "--password", OTHER_ORG.password);

const server = spawn(...tsx("server.ts"), { env, stdio: "inherit" });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => {
  void dropDatabase().then(() => process.exit(code ?? (signal ? 1 : 0)));
});
