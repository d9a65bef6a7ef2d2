import { describe, expect, it } from "vitest";
import { databaseTimeoutsOf, readRuntimeConfig } from "@/lib/platform/runtime-config";

function problemsOf(env: Record<string, string>): string {
  try {
    readRuntimeConfig(env as NodeJS.ProcessEnv);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
}

describe("runtime configuration", () => {
  it("has defaults for a laptop: port 3000, embedded database in .data, all roles", () => {
    expect(readRuntimeConfig({} as NodeJS.ProcessEnv)).toEqual({
      PORT: 3000,
      HOST: "0.0.0.0",
      LOGBOOK_DATA_DIR: ".data",
      LOGBOOK_ROLES: ["web", "worker", "watcher"],
      LOGBOOK_SEED: "demo",
      LOGBOOK_REJECTED_DELIVERY_RETENTION_DAYS: 14,
      LOGBOOK_DATABASE_CONNECT_TIMEOUT_MS: 3000,
      LOGBOOK_DATABASE_ACQUIRE_TIMEOUT_MS: 3000,
      LOGBOOK_DATABASE_STATEMENT_TIMEOUT_MS: 5000,
      NODE_ENV: "development",
      SLACK_API_URL: "https://slack.com/api/",
      SLACK_OAUTH_AUTHORIZE_URL: "https://slack.com/oauth/v2/authorize",
    });
  });

  it("reads the database deadlines and refuses ones too short to connect", () => {
    expect(databaseTimeoutsOf(readRuntimeConfig({ NODE_ENV: "test", LOGBOOK_DATABASE_STATEMENT_TIMEOUT_MS: "30000" }))).toEqual({ connectMs: 3000, acquireMs: 3000, statementMs: 30000 });
    expect(problemsOf({ LOGBOOK_DATABASE_CONNECT_TIMEOUT_MS: "5" })).toContain("LOGBOOK_DATABASE_CONNECT_TIMEOUT_MS: must be at least 100 milliseconds");
  });

  it("reads what is set", () => {
    const config = readRuntimeConfig({
      PORT: "8080",
      HOST: "127.0.0.1",
      DATABASE_URL: "postgres://logbook@db:5432/logbook",
      LOGBOOK_ROLES: " worker , ",
      LOGBOOK_SEED: "none",
      NODE_ENV: "production",
    });
    expect(config).toMatchObject({ PORT: 8080, HOST: "127.0.0.1", DATABASE_URL: "postgres://logbook@db:5432/logbook", LOGBOOK_ROLES: ["worker"], NODE_ENV: "production" });
  });

  it.each(["abc", "0", "65536", "80.5", "-1"])("refuses PORT=%s, naming the variable", (port) => {
    expect(problemsOf({ PORT: port })).toMatch(/^Logbook's configuration is invalid:\n {2}PORT: must be a port number from 1 to 65535$/);
  });

  it("names an unknown LOGBOOK_ROLES entry", () => {
    const message = problemsOf({ LOGBOOK_ROLES: "web,cron" });
    expect(message).toContain("LOGBOOK_ROLES");
    expect(message).toContain('"cron"');
    expect(message).toContain("web, worker");
  });

  it("wants at least one role", () => {
    expect(problemsOf({ LOGBOOK_ROLES: " , " })).toContain("LOGBOOK_ROLES: name at least one role");
  });

  it("lists every bad variable at once", () => {
    const message = problemsOf({ PORT: "x", DATABASE_URL: "not a url", LOGBOOK_SEED: "everything" });
    expect(message.split("\n").slice(1).map((line) => line.trim().split(":")[0])).toEqual(["PORT", "DATABASE_URL", "LOGBOOK_SEED"]);
  });
});
