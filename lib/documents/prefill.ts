import type { JSONContent } from "@tiptap/core";
import { incidentDurations, type IncidentSnapshot } from "./incident-snapshot";
import { isDataBlockType, type PostmortemDoc } from "./postmortem-schema";
import { heading, table } from "./templates/doc-builders";
import { markdownToDocContent } from "./markdown-to-doc";
import { timelineSelectionOf } from "./timeline-selection";

const ROLE_LABELS: Record<string, string> = { commander: "Incident commander", communications: "Communications lead", scribe: "Scribe" };

/** The key facts table placed under the title. */
function factsTable(snapshot: IncidentSnapshot): JSONContent {
  const responders = snapshot.responders.map((r): [string, string] => [ROLE_LABELS[r.role] ?? r.role, r.name]);
  return table(
    ["Fact", "Value"],
    [
      ["Incident", `${snapshot.ref}: ${snapshot.title}`],
      ["Severity", snapshot.severity],
      ["Services", snapshot.services.join(", ") || "none recorded"],
      ...(responders.length ? responders : [["Responders", "none recorded"] as [string, string]]),
      ...incidentDurations(snapshot),
    ],
  );
}

function headingText(node: JSONContent): string {
  return (node.content ?? []).map((c) => c.text ?? "").join("").trim().toLowerCase();
}

function bindDataBlocks(node: JSONContent, incidentId: string): JSONContent {
  if (node.type === "incidentTimeline") {
    // The selection is written into the block, so the author sees and changes what it shows.
    return { ...node, attrs: { ...node.attrs, incidentId, frozen: null, selection: timelineSelectionOf(node.attrs) } };
  }
  if (isDataBlockType(node.type)) return { ...node, attrs: { ...node.attrs, incidentId, frozen: null } };
  if (!node.content) return node;
  return { ...node, content: node.content.map((child) => bindDataBlocks(child, incidentId)) };
}

/**
 * Fills a template with an incident's facts: the title, a facts table (severity, services,
 * responders, durations), the incident summary under "Summary", and every data block bound
 * to the incident (the timeline with its selection of events, the default unless the
 * template chose one). Pure: returns a new document, the template is not touched.
 */
export function prefillTemplate(template: PostmortemDoc, snapshot: IncidentSnapshot): PostmortemDoc {
  const bound = bindDataBlocks(template, snapshot.id);
  const body = [...(bound.content ?? [])];
  const title = heading(1, `Postmortem: ${snapshot.ref} ${snapshot.title}`);
  if (body[0]?.type === "heading" && body[0].attrs?.level === 1) body.shift();
  const content: JSONContent[] = [title, factsTable(snapshot)];
  let summaryFilled = false;
  for (const node of body) {
    content.push(node);
    if (!summaryFilled && node.type === "heading" && headingText(node) === "summary" && snapshot.summary.trim()) {
      content.push(...markdownToDocContent(snapshot.summary.trim()));
      summaryFilled = true;
    }
  }
  return { type: "doc", content };
}
