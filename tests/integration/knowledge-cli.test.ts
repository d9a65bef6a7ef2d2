import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCliDatabase, runCli, type CliDatabase } from "./cli-process";

// `import incidents --org --dir` against an empty database of the engine under test.
let database: CliDatabase;
let env: Record<string, string>;
const folder = mkdtempSync(path.join(tmpdir(), "logbook-postmortems-"));

beforeAll(async () => {
  database = await createCliDatabase();
  env = database.env;
  mkdirSync(path.join(folder, "2024"));
  writeFileSync(
    path.join(folder, "2024", "dns.md"),
    "---\ntitle: CoreDNS timeouts\nexternalId: PM-DNS\nservices: [coredns]\nseverity: SEV2\nresolvedAt: 2024-02-01T10:00:00Z\n---\n# CoreDNS timeouts\n\nScaled CoreDNS.\n",
  );
  writeFileSync(path.join(folder, "bad.md"), "---\nseverity: SEV9\n---\nbody\n");
  writeFileSync(path.join(folder, "notes.txt"), "not Markdown");
}, 60_000);
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await database?.remove();
});

it("imports a folder of Markdown postmortems, reports bad files, and is idempotent", async () => {
  expect((await runCli(["org", "create", "--slug", "acme", "--name", "Acme"], env)).code).toBe(0);
  const first = await runCli(["import", "incidents", "--org", "acme", "--dir", folder], env);
  expect(first.stdout).toContain("Imported 1, updated 0, failed 1 of 2 files.");
  expect(first.stdout).toMatch(/bad\.md: severity/);
  expect(first.code).toBe(2);
  const again = await runCli(["import", "incidents", "--org", "acme", "--dir", folder], env);
  expect(again.stdout).toContain("Imported 0, updated 1, failed 1 of 2 files.");
  const handle = await database.open();
  try {
    const rows = await handle.rows<{ title: string; postmortem_text: string }>(
      `select i.title, k.postmortem_text from incident i join incident_knowledge k on k.incident_id = i.id where i.external_id = 'PM-DNS'`,
    );
    expect(rows).toEqual([{ title: "CoreDNS timeouts", postmortem_text: "# CoreDNS timeouts\n\nScaled CoreDNS." }]);
  } finally {
    await handle.close();
  }
}, 120_000);
