/**
 * Document export benchmark: a ~40-page postmortem (many sections, a long timeline table)
 * rendered to PDF, DOCX and Markdown, in process. Prints the median of 5 runs per format
 * and the PDF's page count. Target (issue 4): PDF of a 40-page postmortem < 3 s.
 *
 *   npm run bench:pdf            (BENCH_PDF_EVENTS=400 BENCH_PDF_RUNS=5 to change the size)
 */
import { cpus, loadavg } from "node:os";
import type { JSONContent } from "@tiptap/core";
import { getDocumentProxy } from "unpdf";
import { contentSha256 } from "@/lib/documents/content-hash";
import { freezeDocument } from "@/lib/documents/freeze-document";
import type { IncidentSnapshot } from "@/lib/documents/incident-snapshot";
import { prefillTemplate } from "@/lib/documents/prefill";
import { renderDocx } from "@/lib/documents/render/docx";
import { renderMarkdown } from "@/lib/documents/render/markdown";
import { renderPdf } from "@/lib/documents/render/pdf";
import type { RenderInput } from "@/lib/documents/render/render-types";
import { builtinTemplate } from "@/lib/documents/templates/builtin-templates";
import { findPdfFontFiles } from "@/lib/services/postmortems/find-pdf-font-files";

const EVENTS = Number(process.env.BENCH_PDF_EVENTS ?? 300);
const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 5);
// Sections flow (no page per section), so 26 sections make the 40+ pages of the target.
const EXTRA_SECTIONS = Number(process.env.BENCH_PDF_SECTIONS ?? 26);

function snapshot(): IncidentSnapshot {
  const start = Date.parse("2030-03-01T10:00:00.000Z");
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  return {
    id: "bench-incident",
    ref: "INC-4242",
    title: "Card authorisations failing across regions",
    summary: "Card authorisations failed intermittently for four hours after a configuration rollout to the card-auth service.",
    severity: "SEV1",
    status: "resolved",
    services: ["card-auth", "ledger", "fraud-scoring", "notifications"],
    timestamps: { occurredAt: at(0), detectedAt: at(4), awareAt: at(9), acknowledgedAt: at(6), classifiedAt: at(45), mitigatedAt: at(180), resolvedAt: at(240) },
    responders: [
      { role: "commander", name: "Ada Commander" },
      { role: "communications", name: "Casey Comms" },
      { role: "scribe", name: "Sam Scribe" },
    ],
    timeline: Array.from({ length: EVENTS }, (_, i) => ({
      occurredAt: at(i * 0.5),
      kind: ["alert", "change", "note", "status_change"][i % 4]!,
      title: `Event ${i + 1}: ${["p99 latency above SLO on card-auth", "flux reconciled card-auth to v2.3.1", "Note", "status changed"][i % 4]}`,
      body: i % 4 === 2 ? `Responder note ${i + 1}: checked the HSM connection pool and the upstream acquirer timeouts; no change yet.` : null,
      actor: ["alertmanager", "flux", "Ada Commander", "system"][i % 4]!,
      // Every event is highlighted, so the timeline shows all of them whatever the default selection.
      highlighted: true,
    })),
    actionItems: Array.from({ length: 30 }, (_, i) => ({
      title: `Action ${i + 1}: add a canary stage for config changes to service ${i % 5}`,
      owner: i % 3 ? "Sam Scribe" : null,
      dueDate: "2030-04-01",
      priority: `P${(i % 4) + 1}`,
      status: i % 2 ? "open" : "in_progress",
      url: i % 2 ? `https://github.com/acme/card-auth/issues/${100 + i}` : null,
    })),
  };
}

function filler(section: number): JSONContent[] {
  const sentence = (i: number) =>
    `Paragraph ${i} of section ${section}: the retry budget of the acquirer client was exhausted within seconds, so every authorisation waited for the full timeout before failing. `;
  return [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: `Analysis ${section}` }] },
    ...Array.from({ length: 4 }, (_, i) => ({
      type: "paragraph",
      content: [
        { type: "text", text: sentence(i).repeat(2) },
        { type: "text", text: "bold finding", marks: [{ type: "bold" }] },
        { type: "text", text: " and a " },
        { type: "text", text: "runbook link", marks: [{ type: "link", attrs: { href: "https://runbooks.example/card-auth" } }] },
      ],
    })),
    { type: "bulletList", content: Array.from({ length: 5 }, (_, i) => ({ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: `Contributing factor ${i + 1}` }] }] })) },
    { type: "codeBlock", attrs: { language: "yaml" }, content: [{ type: "text", text: "retries: 0\ntimeoutSeconds: 30\nconcurrency: 64" }] },
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time<T>(label: string, render: () => Promise<T>, size: (out: T) => number): Promise<T> {
  const timings: number[] = [];
  const cpu: number[] = [];
  let out!: T;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    out = await render();
    timings.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  // CPU time as well as wall time: on a shared machine the wall time includes waiting for a core.
  console.log(
    `${label.padEnd(9)} median ${median(timings).toFixed(0).padStart(6)} ms wall (min ${Math.min(...timings).toFixed(0)}, max ${Math.max(...timings).toFixed(0)}), ${median(cpu).toFixed(0).padStart(6)} ms CPU   ${(size(out) / 1024).toFixed(0)} KiB`,
  );
  return out;
}

async function main(): Promise<void> {
  const incident = snapshot();
  const base = prefillTemplate(builtinTemplate("regulatory"), incident);
  const doc: JSONContent = { type: "doc", content: [...(base.content ?? []), ...Array.from({ length: EXTRA_SECTIONS }, (_, i) => filler(i + 1)).flat()] };
  const control = { documentId: "INC-4242-PM", revision: 1, status: "published", authors: ["Ada Commander"], reviewers: ["Rita", "Carl"], approvals: [], confidentiality: "Confidential" };
  const frozen = freezeDocument(doc, incident, control, new Date().toISOString());
  const input: RenderInput = {
    doc: frozen,
    meta: {
      title: `Postmortem: ${incident.ref} ${incident.title}`,
      incidentRef: incident.ref,
      documentId: "INC-4242-PM",
      revision: 1,
      status: "published",
      generatedBy: "bench",
      generatedAt: new Date().toISOString(),
      contentSha256: contentSha256(frozen),
      confidentiality: "Confidential: internal and supervisory use only",
      published: true,
      approvals: [
        { name: "Rita Reviewer", revision: 1, at: new Date().toISOString() },
        { name: "Carl Checker", revision: 1, at: new Date().toISOString() },
      ],
    },
  };
  const fonts = findPdfFontFiles();
  console.log(`Load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} cores`);
  console.log(`Postmortem: ${EVENTS} timeline events, ${EXTRA_SECTIONS} extra sections, ${JSON.stringify(frozen).length} bytes of JSON; fonts: ${fonts ? fonts.sans.regular : "core (not embedded)"}; ${RUNS} runs each`);
  // One untimed render warms font parsing and module loading, as a running server would be.
  await renderPdf(input, fonts);
  const pdf = await time("PDF", () => renderPdf(input, fonts), (b) => b.length);
  const pages = (await getDocumentProxy(pdf.slice())).numPages;
  console.log(`PDF pages: ${pages}`);
  await time("DOCX", () => renderDocx(input), (b) => b.length);
  await time("Markdown", async () => renderMarkdown(input), (s) => s.length);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
