import type { JSONContent } from "@tiptap/core";
import type { IncidentSnapshot } from "@/lib/documents/incident-snapshot";
import type { RenderMeta } from "@/lib/documents/render/render-types";

/** A 1×1 red PNG. */
const PNG_DATA_URL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

export const SNAPSHOT: IncidentSnapshot = {
  id: "inc-1",
  ref: "INC-42",
  title: "Card payments declined",
  summary: "Card authorisations failed for 38 minutes after a config rollout.",
  severity: "SEV1",
  status: "resolved",
  services: ["card-auth", "ledger"],
  timestamps: {
    occurredAt: "2030-03-01T10:00:00.000Z",
    detectedAt: "2030-03-01T10:04:00.000Z",
    awareAt: null,
    acknowledgedAt: "2030-03-01T10:06:30.000Z",
    classifiedAt: null,
    mitigatedAt: "2030-03-01T10:31:00.000Z",
    resolvedAt: "2030-03-01T10:38:00.000Z",
  },
  responders: [
    { role: "commander", name: "Ada Commander" },
    { role: "scribe", name: "Sam Scribe" },
  ],
  timeline: [
    { occurredAt: "2030-03-01T10:01:00.000Z", kind: "alert", title: "p99 latency above SLO on card-auth", body: null, actor: "alertmanager", highlighted: false },
    { occurredAt: "2030-03-01T10:02:00.000Z", kind: "change", title: "card-auth v2.3.1 rolled out", body: null, actor: "flux", highlighted: true },
    { occurredAt: "2030-03-01T10:05:00.000Z", kind: "declared", title: "Incident declared", body: null, actor: "Ada Commander", highlighted: false },
    { occurredAt: "2030-03-01T10:12:00.000Z", kind: "status_change", title: "Status changed to investigating", body: null, actor: "Ada Commander", highlighted: false },
    { occurredAt: "2030-03-01T10:31:00.000Z", kind: "note", title: "Note", body: "Failed over to the replica; writes recovered", actor: "Ada Commander", highlighted: false },
  ],
  actionItems: [{ title: "Add canary for card-auth", owner: "Sam Scribe", dueDate: "2030-04-01", priority: "P2", status: "open", url: "https://github.com/acme/card-auth/issues/7" }],
};

export const META: RenderMeta = {
  title: "Postmortem: INC-42 Card payments declined",
  incidentRef: "INC-42",
  documentId: "INC-42-PM",
  revision: 2,
  status: "published",
  generatedBy: "Compliance Carla",
  generatedAt: "2030-03-05T12:00:00.000Z",
  contentSha256: "a".repeat(64),
  confidentiality: "Confidential: internal and supervisory use only",
  published: true,
  approvals: [
    { name: "Rita Reviewer", revision: 2, at: "2030-03-04T09:00:00.000Z" },
    { name: "Carl Checker", revision: 2, at: "2030-03-04T10:15:00.000Z" },
  ],
};

const t = (text: string, ...marks: string[]): JSONContent => (marks.length ? { type: "text", text, marks: marks.map((type) => ({ type })) } : { type: "text", text });
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const cell = (type: string, text: string): JSONContent => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(t(text))] });
const frozen = (rows: string[][]) => ({ capturedAt: "2030-03-05T11:59:00.000Z", columns: ["Col A", "Col B"], rows });

/** One of every node type and mark the editor can produce, each with distinctive text. */
export const EVERY_NODE_DOC: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1 }, content: [t("HeadingOneText")] },
    { type: "heading", attrs: { level: 3 }, content: [t("HeadingThreeText")] },
    p(
      t("PlainWords "),
      t("BoldWords", "bold"),
      t(" "),
      t("ItalicWords", "italic"),
      t(" "),
      t("StrikeWords", "strike"),
      t(" "),
      t("UnderWords", "underline"),
      t(" "),
      t("CodeWords", "code"),
      t(" "),
      { type: "text", text: "LinkWords", marks: [{ type: "link", attrs: { href: "https://example.com/runbook" } }] },
      { type: "hardBreak" },
      t("AfterBreak"),
    ),
    { type: "blockquote", content: [p(t("QuotedWords"))] },
    { type: "bulletList", content: [{ type: "listItem", content: [p(t("BulletOne")), { type: "bulletList", content: [{ type: "listItem", content: [p(t("NestedBullet"))] }] }] }] },
    { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [p(t("OrderedOne"))] }, { type: "listItem", content: [p(t("OrderedTwo"))] }] },
    {
      type: "taskList",
      content: [
        { type: "taskItem", attrs: { checked: true }, content: [p(t("TaskDone"))] },
        { type: "taskItem", attrs: { checked: false }, content: [p(t("TaskOpen"))] },
      ],
    },
    { type: "codeBlock", attrs: { language: "bash" }, content: [t("kubectl rollout undo deploy/card-auth\necho CodeLineTwo")] },
    { type: "horizontalRule" },
    { type: "image", attrs: { src: PNG_DATA_URL, alt: "EmbeddedPixel", title: null } },
    { type: "image", attrs: { src: "https://example.com/graph.png", alt: "RemoteGraph", title: null } },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "HeadCellA"), cell("tableHeader", "HeadCellB")] },
        { type: "tableRow", content: [cell("tableCell", "BodyCellA"), cell("tableCell", "BodyCellB")] },
      ],
    },
    { type: "incidentTimeline", attrs: { incidentId: "inc-1", frozen: frozen([["TimelineRowA", "x"]]), title: null } },
    { type: "impactFigures", attrs: { incidentId: "inc-1", frozen: frozen([["ImpactRowA", "x"]]), title: null } },
    { type: "actionItemsBlock", attrs: { incidentId: "inc-1", frozen: frozen([["ActionRowA", "x"]]), title: null } },
    { type: "documentControl", attrs: { incidentId: "inc-1", frozen: frozen([["ControlRowA", "x"]]), title: null } },
    { type: "regulatoryStatus", attrs: { incidentId: "inc-1", frozen: frozen([["RegulatoryRowA", "x"]]), title: null } },
    { type: "keyTimestamps", attrs: { incidentId: "inc-1", frozen: null, title: "KeyStampsTitle" } },
  ],
};

/** The distinctive words every rendering must contain. */
export const EXPECTED_WORDS = [
  "HeadingOneText",
  "HeadingThreeText",
  "PlainWords",
  "BoldWords",
  "ItalicWords",
  "StrikeWords",
  "UnderWords",
  "CodeWords",
  "LinkWords",
  "AfterBreak",
  "QuotedWords",
  "BulletOne",
  "NestedBullet",
  "OrderedOne",
  "OrderedTwo",
  "TaskDone",
  "TaskOpen",
  "CodeLineTwo",
  "HeadCellA",
  "BodyCellB",
  "TimelineRowA",
  "ImpactRowA",
  "ActionRowA",
  "ControlRowA",
  "RegulatoryRowA",
  "KeyStampsTitle",
  "RemoteGraph",
];
