import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "better-auth/crypto";
import type { DatabaseHandle } from "@/db/client";
import { hashApiKey } from "@/lib/auth/api-key-hash";
import { cliEngine as engine, createCliDatabase, runCli, type CliDatabase } from "./cli-process";

// The CLI runs against an empty database of the engine under test: a fresh PGlite data
// directory, or a fresh PostgreSQL database beside TEST_DATABASE_URL's.
let database: CliDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  database = await createCliDatabase();
  env = database.env;
});
afterAll(() => database?.remove());

const cli = (...args: string[]) => runCli(args, env);

/** Looks at the database between CLI runs; closed again so the next run can open it. */
async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await database.open();
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

describe("admin CLI", { timeout: 120_000 }, () => {
  it("migrates the database", async () => {
    const run = await cli("db", "migrate");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(`Migrations applied (${engine}).`);
  });

  it("creates an organisation, a user who can sign in, and an API key printed alone on the last line", async () => {
    const org = await cli("org", "create", "--slug", "north", "--name", "North Bank");
    expect(org.code).toBe(0);
    expect(org.stdout).toMatch(/^Created organisation north \(.+\)\.\n$/);

    const user = await cli("user", "create", "--org", "north", "--email", "Rita@North.example", "--role", "responder", "--password", "s3cret-enough");
    expect(user.code).toBe(0);
    expect(user.stdout.trim()).toBe("Created rita@north.example as responder of north.");

    const key = await cli("api-key", "create", "--org", "north", "--role", "viewer", "--name", "ci");
    expect(key.code).toBe(0);
    const lines = key.stdout.trimEnd().split("\n");
    const secret = lines.at(-1)!;
    expect(secret).toMatch(/^lbk_[A-Za-z0-9_-]{40,}$/);
    expect(lines.slice(0, -1).join("\n")).not.toContain(secret);

    await withDatabase(async (handle) => {
      const [stored] = await handle.rows<{ name: string; role: string; key_hash: string }>(
        "select k.name, k.role, k.key_hash from api_key k join organization o on o.id = k.organization_id where o.slug = 'north'",
      );
      expect(stored).toEqual({ name: "ci", role: "viewer", key_hash: hashApiKey(secret) });
      const [login] = await handle.rows<{ role: string; password: string }>(
        `select m.role, a.password from "user" u join member m on m.user_id = u.id join account a on a.user_id = u.id where u.email = 'rita@north.example'`,
      );
      expect(login!.role).toBe("responder");
      expect(await verifyPassword({ hash: login!.password, password: "s3cret-enough" })).toBe(true);
      const actions = await handle.rows<{ action: string; actor_label: string }>(
        "select a.action, a.actor_label from audit_log a join organization o on o.id = a.organization_id where o.slug = 'north' order by a.seq",
      );
      expect(actions.map((a) => a.action)).toEqual(["organization.created", "member.added", "api_key.created"]);
      expect(actions[0]!.actor_label).toMatch(/^cli \(/);
    });
  });

  it("seeds the demo organisation once; a second run changes nothing", async () => {
    const first = await cli("seed", "demo");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Seeded the demo organisation (slug demo).");
    const counts = () =>
      withDatabase((handle) => handle.rows<{ incidents: number; audit: number }>("select (select count(*)::int from incident) as incidents, (select count(*)::int from audit_log) as audit"));
    const before = await counts();
    expect(before[0]!.incidents).toBeGreaterThan(0);

    const second = await cli("seed", "demo");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("The demo organisation already exists; nothing changed.");
    expect(await counts()).toEqual(before);
  });

  it("verifies an organisation's audit chain, and says where it breaks", async () => {
    const ok = await cli("audit", "verify", "--org", "north");
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe("OK: 3 entries, chain intact.");

    await withDatabase(async (handle) => {
      await handle.rows("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete");
      await handle.rows(`UPDATE audit_log SET actor_label = 'someone else' WHERE seq = 2 AND organization_id = (select id from organization where slug = 'north')`);
      await handle.rows("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");
    });
    const broken = await cli("audit", "verify", "--org", "north");
    expect(broken.code).toBe(2);
    expect(broken.stdout.trim()).toBe("BROKEN: the chain breaks at seq 2 (checked 2 entries).");
  });

  it("stops with exit code 1 and a clear message for an unknown organisation or bad input", async () => {
    const unknown = await cli("api-key", "create", "--org", "nowhere", "--role", "viewer");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("Error: Organisation nowhere was not found.");
    expect(unknown.stdout).toBe("");

    const role = await cli("user", "create", "--org", "north", "--email", "x@north.example", "--role", "superuser");
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/^Error: .*role/);

    const duplicate = await cli("org", "create", "--slug", "north", "--name", "Again");
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/^Error: .*north/);
  });
});
