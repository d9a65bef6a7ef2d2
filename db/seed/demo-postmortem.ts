import type { JSONContent } from "@tiptap/core";
import { and, eq } from "drizzle-orm";
import { prosemirrorJSONToYDoc } from "y-prosemirror";
import * as Y from "yjs";
import { member, user } from "@/db/schema";
import { userActor } from "@/lib/core/actor";
import type { OrgRole } from "@/lib/core/roles";
import { documentText } from "@/lib/documents/doc-text";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { postmortemSchema } from "@/lib/documents/validate-document";
import { createActionItem } from "@/lib/services/action-items/create-action-item";
import { updateActionItem } from "@/lib/services/action-items/update-action-item";
import { createServiceContext, type ServiceContext } from "@/lib/services/context";
import { listIncidents } from "@/lib/services/incidents/list-incidents";
import { approvePostmortem } from "@/lib/services/postmortems/approve-postmortem";
import { createPostmortem } from "@/lib/services/postmortems/create-postmortem";
import { getPostmortem } from "@/lib/services/postmortems/get-postmortem";
import { publishPostmortem } from "@/lib/services/postmortems/publish-postmortem";
import { savePostmortemState } from "@/lib/services/postmortems/save-postmortem-state";
import { submitPostmortem } from "@/lib/services/postmortems/submit-postmortem";
import { COLLAB_FIELD } from "@/lib/services/postmortems/views";
import { DEMO_PEOPLE } from "./demo-catalog";
import { DEMO_STORY_PEOPLE } from "./demo-incident-story";

/** The resolved demo incident whose postmortem is written, reviewed and published. */
export const DEMO_POSTMORTEM_INCIDENT = "Web and mobile banking down: TLS certificate expired on ingress";

const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const bullets = (items: string[]): JSONContent => ({ type: "bulletList", content: items.map((item) => ({ type: "listItem", content: [paragraph(item)] })) });

/** What the author wrote under each section, in place of the template's prompts. */
const WRITTEN: Record<string, JSONContent[]> = {
  Summary: [
    paragraph(
      "The wildcard certificate of the ingress gateway expired at 04:17 UTC, so web banking, the mobile app API and the open-banking API failed TLS for 32 minutes. Renewals had failed for 30 days after a secret rotation; the expiry alert went to a muted channel. We fixed the secret reference and renewed the certificate.",
    ),
  ],
  Impact: [paragraph("About 48,000 customers could not log in to web or mobile banking for 32 minutes; 2,900 scheduled-payment confirmations were delayed. Card payments in shops and ATMs were not affected.")],
  Detection: [paragraph("Blackbox probes (ProbeTLSHandshakeFailed) paged the on-call responder four minutes after expiry. CertManagerCertificateExpiresSoon had fired for nine days before, in a muted channel.")],
  Response: [paragraph("Rafael took command within a minute, Erin found the failing DNS-01 challenge, and Dana kept the status page and compliance informed. The fix was fast-tracked as platform-gitops #8824.")],
  Recovery: [paragraph("Pointed the azuredns-config ExternalSecret at the current key, forced a sync and renewed the certificate with cmctl; ingress-nginx served the new certificate at 04:48 UTC and logins recovered.")],
  "Root cause and contributing factors": [
    paragraph("The quarterly Key Vault rotation replaced the DNS-01 solver's service principal secret, but the ExternalSecret still read the retired key, so every renewal since failed."),
    bullets([
      "The rotation job does not update the consumers of a rotated secret.",
      "The expiry alert routes to #platform-alerts, which was muted after a noisy week.",
      "Nothing alerts on a certificate that stays not ready.",
    ]),
  ],
  "What went well": [bullets(["Probes paged within four minutes of expiry.", "The renewal path (cmctl) was documented and worked first time."])],
  "What went poorly": [bullets(["A month of failed renewals went unnoticed.", "Nobody owned the muted alert channel."])],
  "Where we got lucky": [bullets(["Expiry happened at 04:17 UTC, before the morning peak."])],
  "Lessons learned": [paragraph("An alert in a muted channel is no alert: route expiry warnings to a pager well before the deadline, and treat a rotated secret as a change to every system that reads it.")],
};

/** The template's sections, each with the author's text instead of its prompts and placeholder bullets. */
function written(doc: PostmortemDoc): PostmortemDoc {
  const content: JSONContent[] = [];
  let replacing = false;
  for (const node of doc.content ?? []) {
    if (node.type === "heading") {
      const title = (node.content ?? []).map((c) => c.text ?? "").join("").trim();
      replacing = title in WRITTEN;
      content.push(node, ...(WRITTEN[title] ?? []));
      continue;
    }
    // The template's prompts and bullets give way to the text; its data blocks stay.
    if (replacing && (node.type === "paragraph" || node.type === "bulletList")) continue;
    content.push(node);
  }
  return { ...doc, content };
}

async function personContext(ctx: ServiceContext, email: string): Promise<ServiceContext> {
  const [row] = await ctx.db
    .select({ id: user.id, name: user.name, email: user.email, role: member.role })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, ctx.organizationId), eq(user.email, email)));
  if (!row) throw new Error(`demo seed: ${email} is not a member`);
  return createServiceContext({ db: ctx.db, actor: userActor(row), organizationId: ctx.organizationId, role: row.role as OrgRole });
}

/**
 * One published postmortem with its action items, so the postmortem and action-item pages
 * have something to show on first look. Written through the verbs, as people would: the
 * commander creates and writes it, two reviewers who did not write it approve, compliance
 * publishes, and the follow-ups are tracked (one already done).
 */
export async function seedDemoPostmortem(ctx: ServiceContext): Promise<void> {
  const [target] = (await listIncidents(ctx, { q: DEMO_POSTMORTEM_INCIDENT, limit: 5 })).items.filter((i) => i.title === DEMO_POSTMORTEM_INCIDENT);
  if (!target) throw new Error(`demo seed: no incident "${DEMO_POSTMORTEM_INCIDENT}"`);
  const author = await personContext(ctx, DEMO_STORY_PEOPLE.rafael);
  const editor = await personContext(ctx, DEMO_STORY_PEOPLE.erin);
  const compliance = await personContext(ctx, DEMO_PEOPLE.find((p) => p.role === "compliance")!.email);

  const created = await createPostmortem(author, target.ref, { template: "standard" });
  const content = written((await getPostmortem(author, created.id)).content);
  // The collaboration server's save, as if the author had typed it in the editor.
  const ydoc = prosemirrorJSONToYDoc(postmortemSchema(), content, COLLAB_FIELD);
  const ydocUpdate = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  await savePostmortemState(ctx.db, created.id, { ydocUpdate, content, text: documentText(content), editorUserIds: [author.actor.id!] });

  const owner = (people: ServiceContext) => people.actor.id!;
  // Due a week and a month after the incident: the first is done, the second is overdue, so
  // the action-item page (which opens on overdue items) has something to show.
  const dueAfter = (days: number) => new Date(Date.parse(target.resolvedAt ?? target.createdAt) + days * 86_400_000).toISOString().slice(0, 10);
  const paging = await createActionItem(author, target.ref, { title: "PLAT-880 Page on certificates expiring within 14 days", owner: owner(author), priority: "P1", dueDate: dueAfter(7) });
  await createActionItem(author, target.ref, { title: "PLAT-881 Rotation job updates every consumer of a rotated secret", owner: owner(editor), priority: "P2", dueDate: dueAfter(30) });
  await updateActionItem(editor, paging.id, { status: "done" });

  await submitPostmortem(author, created.id);
  await approvePostmortem(editor, created.id);
  await approvePostmortem(compliance, created.id);
  await publishPostmortem(compliance, created.id);
}
