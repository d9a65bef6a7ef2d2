import { readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { DEFAULT_DATA_DIR, openDatabase, setDatabase, type DatabaseHandle } from "@/db/client";
import { ensureAuthSecret } from "@/lib/platform/auth-secret";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import type { Actor } from "@/lib/core/actor";
import { ORG_ROLES } from "@/lib/core/roles";
import { createServiceContext, type ServiceContext } from "@/lib/services/context";
import { ServiceError } from "@/lib/services/errors";
import { parseMarkdownPostmortem } from "@/lib/knowledge/markdown-import";
import { importIncidents } from "@/lib/services/knowledge/import-incidents";
import { createOrganization } from "@/lib/services/organizations/create-organization";
import { findOrganizationBySlug } from "@/lib/services/organizations/find-organization-by-slug";
import { addMember } from "@/lib/services/organizations/add-member";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import { verifyOrganizationAuditChain } from "@/lib/services/audit/verify-organization-audit-chain";
import { exportReport } from "@/lib/services/regulatory/export-report";
import { findReportOrganization } from "@/lib/services/regulatory/find-report-organization";
import { REPORT_EXPORT_FORMATS } from "@/lib/regulatory/render/export-report";

// The operator at the terminal, so audit rows say who ran the command and where.
const operator: Actor = { type: "system", id: null, label: `cli (${os.userInfo().username}@${os.hostname()})` };

async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  // The same secret as the server's, so what the CLI encrypts (integration secrets) the server can read.
  ensureAuthSecret(process.env.LOGBOOK_DATA_DIR ?? DEFAULT_DATA_DIR);
  const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.LOGBOOK_DATA_DIR });
  setDatabase(handle);
  try {
    await migrateDatabase(handle);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

async function orgContext(handle: DatabaseHandle, slug: string): Promise<ServiceContext> {
  const org = await findOrganizationBySlug(handle.db, slug);
  return createServiceContext({ db: handle.db, actor: operator, organizationId: org.id, role: "admin" });
}

const program = new Command("logbook").description("Logbook admin CLI (uses DATABASE_URL, or the embedded database in LOGBOOK_DATA_DIR / .data)");

const db = program.command("db").description("database");
db.command("migrate")
  .description("apply pending migrations")
  .action(() => withDatabase(async (handle) => console.log(`Migrations applied (${handle.engine}).`)));

program
  .command("seed")
  .argument("<what>", "only `demo` for now")
  .description("seed data")
  .action((what: string) => {
    if (what !== "demo") throw new Error(`Unknown seed ${what}; try \`seed demo\`.`);
    return withDatabase(async (handle) => {
      const { created } = await seedDemo(handle.db);
      console.log(created ? "Seeded the demo organisation (slug demo)." : "The demo organisation already exists; nothing changed.");
    });
  });

program
  .command("org")
  .description("organisations")
  .command("create")
  .requiredOption("--slug <slug>")
  .requiredOption("--name <name>")
  .action((opts: { slug: string; name: string }) =>
    withDatabase(async (handle) => {
      const org = await createOrganization(handle.db, operator, opts);
      console.log(`Created organisation ${org.slug} (${org.id}).`);
    }),
  );

program
  .command("user")
  .description("users")
  .command("create")
  .requiredOption("--org <slug>")
  .requiredOption("--email <email>")
  .requiredOption("--role <role>", ORG_ROLES.join(" | "))
  .option("--name <name>")
  .option("--password <password>")
  .action((opts: { org: string; email: string; role: string; name?: string; password?: string }) =>
    withDatabase(async (handle) => {
      const member = await addMember(await orgContext(handle, opts.org), { email: opts.email, role: opts.role, name: opts.name, password: opts.password });
      console.log(`${member.createdUser ? "Created" : "Added"} ${member.email} as ${member.role} of ${opts.org}.`);
    }),
  );

program
  .command("audit")
  .description("audit trail")
  .command("verify")
  .requiredOption("--org <slug>")
  .action((opts: { org: string }) =>
    withDatabase(async (handle) => {
      const org = await findOrganizationBySlug(handle.db, opts.org);
      const verdict = await verifyOrganizationAuditChain(handle.db, org.id);
      if (verdict.ok) console.log(`OK: ${verdict.entries} entries, chain intact.`);
      else {
        const what = verdict.reason === "truncated" ? `its newest entries were removed, from seq ${verdict.firstBroken} on` : `the chain breaks at seq ${verdict.firstBroken}`;
        console.log(`BROKEN: ${what} (checked ${verdict.entries} entries).`);
        process.exitCode = 2;
      }
    }),
  );

program
  .command("api-key")
  .description("API keys")
  .command("create")
  .requiredOption("--org <slug>")
  .requiredOption("--role <role>", ORG_ROLES.join(" | "))
  .option("--name <name>", "what the key is for", "cli")
  .action((opts: { org: string; role: string; name: string }) =>
    withDatabase(async (handle) => {
      const key = await createApiKey(await orgContext(handle, opts.org), { name: opts.name, role: opts.role });
      console.log(`Created API key ${key.name} (${key.role}) for ${opts.org}. It is shown once; store it now:`);
      console.log(key.key);
    }),
  );

program
  .command("import")
  .description("import historical records")
  .command("incidents")
  .description("a folder of Markdown postmortems (front matter: title, externalId, severity, services, occurredAt, resolvedAt, tags)")
  .requiredOption("--org <slug>")
  .requiredOption("--dir <folder>")
  .action((opts: { org: string; dir: string }) =>
    withDatabase(async (handle) => {
      const files = (await readdir(opts.dir, { recursive: true })).filter((f) => /\.(md|markdown)$/i.test(f)).sort();
      const items = await Promise.all(files.map(async (f) => parseMarkdownPostmortem(await readFile(path.join(opts.dir, f), "utf8"), f)));
      const result = await importIncidents(await orgContext(handle, opts.org), items);
      console.log(`Imported ${result.imported}, updated ${result.updated}, failed ${result.failed.length} of ${files.length} files.`);
      for (const failure of result.failed) console.log(`  ${files[failure.index]}: ${failure.error}`);
      if (result.failed.length > 0) process.exitCode = 2;
    }),
  );

program
  .command("report")
  .description("regulatory reports")
  .command("export")
  .description("a report as the authority's file: DORA's IR-1.2.1 JSON, or PDF, DOCX, XLSX laid out as the template (audited)")
  .requiredOption("--id <id>", "the report's id")
  .option("--format <format>", REPORT_EXPORT_FORMATS.join(" | "), "json")
  .option("--out <file>", "write to this file instead of standard output")
  .option("--org <slug>", "the organisation (found from the report when left out)")
  .action((opts: { id: string; format: string; out?: string; org?: string }) =>
    withDatabase(async (handle) => {
      const organizationId = opts.org ? (await findOrganizationBySlug(handle.db, opts.org)).id : await findReportOrganization(handle.db, opts.id);
      const ctx = createServiceContext({ db: handle.db, actor: operator, organizationId, role: "admin" });
      const file = await exportReport(ctx, opts.id, { format: opts.format });
      if (opts.out) {
        await writeFile(opts.out, file.bytes);
        console.error(`Wrote ${opts.out} (${file.bytes.length} bytes, ${file.status}).`);
      } else process.stdout.write(file.bytes);
      // The hash goes to standard error, so standard output stays the file itself.
      console.error(`SHA-256 ${file.sha256}`);
    }),
  );

program.parseAsync().catch((error: Error) => {
  const message = error instanceof ServiceError ? error.message : error.message;
  console.error(`Error: ${message}`);
  process.exit(1);
});
