/**
 * npm run eval:similar -- <file.jsonl>
 * Loads labelled incidents into a fresh in-memory database and reports recall@1, recall@5
 * and MRR of known-item retrieval through the similar-incidents verb, the queries whose
 * incident was not ranked first, and the same figures for a plain TF-IDF cosine baseline
 * over title, summary and postmortem computed in the same run.
 */
import { readFile } from "node:fs/promises";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { SYSTEM_ACTOR } from "@/lib/core/actor";
import { rankByTfidfCosine } from "@/lib/similarity/tfidf-baseline";
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
const titles = new Map(labelled.map((l) => [l.externalId, l.title]));

function figures(ranks: Array<number | null>): string {
  const n = ranks.length || 1;
  const at = (k: number) => (ranks.filter((r) => r !== null && r <= k).length / n).toFixed(3);
  const mrr = (ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0) / n).toFixed(3);
  return `queries ${ranks.length}  recall@1 ${at(1)}  recall@5 ${at(5)}  MRR ${mrr}`;
}

const handle = await openDatabase({ dataDir: "memory://" });
await migrateDatabase(handle);
const org = await createOrganization(handle.db, SYSTEM_ACTOR, { slug: "eval", name: "Evaluation" });
const ctx = { db: handle.db, actor: SYSTEM_ACTOR, organizationId: org.id, role: "admin" as const, request: NO_REQUEST };
const report = await evaluateKnownItemRetrieval(ctx, labelled);
await handle.close();

const baseline = rankByTfidfCosine(
  labelled.map((l) => ({ id: l.externalId, text: [l.title, l.summary ?? "", l.postmortem ?? ""].join("\n") })),
  labelled.map((l) => l.query),
);
const baselineRanks = labelled.map((l, i) => {
  const at = baseline[i]!.indexOf(l.externalId);
  return at === -1 ? null : at + 1;
});

console.log("Logbook: queries whose incident was not first (rank, query → what came first)");
for (const [i, r] of report.ranks.entries()) {
  if (r.rank === 1) continue;
  const first = r.first ? `${r.first}: ${titles.get(r.first) ?? ""}` : "nothing";
  console.log(`  ${r.externalId} rank ${r.rank ?? "not in top 10"}  "${labelled[i]!.query}" → ${first}`);
}
console.log(`Logbook        ${figures(report.ranks.map((r) => r.rank))}`);
console.log(`TF-IDF cosine  ${figures(baselineRanks)}`);
