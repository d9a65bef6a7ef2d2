/**
 * npm run eval:similar -- <file.jsonl>
 * Loads labelled incidents into a fresh in-memory database and reports recall@1, recall@5
 * and MRR of known-item retrieval through the similar-incidents verb.
 */
import { readFile } from "node:fs/promises";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { SYSTEM_ACTOR } from "@/lib/core/actor";
import { NO_REQUEST } from "@/lib/services/context";
import { evaluateKnownItemRetrieval } from "@/lib/services/knowledge/evaluate-known-item-retrieval";
import type { LabelledIncident } from "@/lib/services/knowledge/views";
import { createOrganization } from "@/lib/services/organizations/create-organization";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run eval:similar -- <file.jsonl>");
  process.exit(2);
}
const labelled = (await readFile(file, "utf8"))
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as LabelledIncident);
const handle = await openDatabase({ dataDir: "memory://" });
await migrateDatabase(handle);
const org = await createOrganization(handle.db, SYSTEM_ACTOR, { slug: "eval", name: "Evaluation" });
const ctx = { db: handle.db, actor: SYSTEM_ACTOR, organizationId: org.id, role: "admin" as const, request: NO_REQUEST };
const report = await evaluateKnownItemRetrieval(ctx, labelled);
for (const r of report.ranks) if (r.rank !== 1) console.log(`  ${r.externalId}: rank ${r.rank ?? "not in top 10"}`);
console.log(`queries ${report.queries}  recall@1 ${report.recallAt1}  recall@5 ${report.recallAt5}  MRR ${report.mrr}`);
await handle.close();
