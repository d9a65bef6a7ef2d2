"use client";

import { Download } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/api-client";
import { Panel } from "@/components/incidents/panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Timestamp } from "@/components/time/timestamp";
import { ActionItemsPanel } from "@/components/action-items/action-items-panel";
import type { MemberSummary } from "@/components/action-items/action-item-types";
import { REQUIRED_APPROVALS } from "@/lib/core/postmortem-workflow";
import { roleHasPermission, type OrgRole } from "@/lib/core/roles";
import { RevisionCompare } from "./revision-compare";
import type { CollabUser, PostmortemView } from "./postmortem-types";
import type { EmptySection } from "@/lib/documents/required-sections";

export const STATUS_LABELS: Record<string, string> = { draft: "Draft", in_review: "In review", approved: "Approved", published: "Published" };

interface SidePanelProps {
  postmortem: PostmortemView;
  incidentRef: string;
  role: OrgRole;
  canWrite: boolean;
  user: CollabUser;
  members: MemberSummary[];
}

type Step = "submit" | "approve" | "publish" | "reopen";
const STEP_LABELS: Record<Step, { button: string; done: string }> = {
  submit: { button: "Submit for review", done: "Submitted for review" },
  approve: { button: "Approve", done: "Approved" },
  publish: { button: "Publish", done: "Published: the revision is frozen and hashed" },
  reopen: { button: "Start new revision", done: "A new draft revision has started" },
};

function stepsFor(pm: PostmortemView, role: OrgRole, canWrite: boolean, userId: string): Step[] {
  if (pm.status === "draft") return canWrite ? ["submit"] : [];
  if (pm.status === "in_review") return roleHasPermission(role, "postmortem:review") && !pm.approvals.some((a) => a.id === userId) ? ["approve"] : [];
  if (pm.status === "approved") return roleHasPermission(role, "postmortem:publish") ? ["publish"] : [];
  return roleHasPermission(role, "postmortem:publish") ? ["reopen"] : [];
}

/** Status, people, the review workflow, revisions, downloads and action items. */
export function PostmortemSidePanel({ postmortem: pm, incidentRef, role, canWrite, user, members }: SidePanelProps) {
  const router = useRouter();
  const [busy, setBusy] = useState<Step | null>(null);
  const [emptySections, setEmptySections] = useState<{ step: Step; sections: EmptySection[] } | null>(null);
  const [, startTransition] = useTransition();
  async function run(step: Step) {
    setBusy(step);
    try {
      await apiFetch(`/api/v1/postmortems/${pm.id}/${step}`, { method: "POST" });
      setEmptySections(null);
      toast.success(STEP_LABELS[step].done);
      startTransition(() => router.refresh());
    } catch (e) {
      // The template's required sections are still empty: list them beside the button.
      if (e instanceof ApiError && e.code === "required_sections_empty" && Array.isArray(e.details)) {
        setEmptySections({ step, sections: e.details as unknown as EmptySection[] });
        return;
      }
      // 409s explain the rule (four eyes, two approvals, frozen revision): show them as they are.
      toast.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  }
  const steps = stepsFor(pm, role, canWrite, user.id);
  const revisions = pm.publishedRevisions.map((r) => r.revision);
  return (
    <div className="flex flex-col gap-5">
      <Panel title="Review">
        <div className="flex flex-col gap-3 text-sm">
          <div className="flex items-center gap-2">
            <Badge variant={pm.status === "published" ? "default" : "secondary"} data-testid="postmortem-status">
              {STATUS_LABELS[pm.status] ?? pm.status}
            </Badge>
            <span className="text-xs text-muted-foreground">Revision {pm.revision}</span>
          </div>
          <dl className="grid grid-cols-[6rem_1fr] gap-x-2 gap-y-1.5 text-xs">
            <dt className="text-muted-foreground">Authors</dt>
            <dd>{pm.authors.map((a) => a.name).join(", ") || "none yet"}</dd>
            <dt className="text-muted-foreground">Approvals</dt>
            <dd>
              {pm.approvals.length === 0 ? (
                <span>
                  none yet (needs {REQUIRED_APPROVALS}, not by authors)
                </span>
              ) : (
                <ul>
                  {pm.approvals.map((a) => (
                    <li key={a.id}>
                      {a.name} <Timestamp value={a.approvedAt} precision="minutes" className="text-muted-foreground" />
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          {steps.length > 0 && (
            <div className="flex flex-wrap gap-2">
              {steps.map((s) => (
                <Button
                  key={s}
                  size="sm"
                  onClick={() => void run(s)}
                  disabled={busy !== null}
                  aria-describedby={emptySections?.step === s ? "postmortem-empty-sections" : undefined}
                >
                  {busy === s ? "Working…" : STEP_LABELS[s].button}
                </Button>
              ))}
            </div>
          )}
          {emptySections && steps.includes(emptySections.step) && (
            <div id="postmortem-empty-sections" role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-xs">
              <p className="font-medium text-destructive">Write the required sections first:</p>
              <ul className="mt-1 list-disc pl-4">
                {emptySections.sections.map((s) => (
                  <li key={s.section}>{s.section}</li>
                ))}
              </ul>
              <p className="mt-1.5 text-muted-foreground">The template&apos;s guidance alone does not count. Just written them? The editor saves within a few seconds; try again then.</p>
            </div>
          )}
        </div>
      </Panel>
      <Panel title="Download">
        <div className="flex flex-wrap gap-2">
          {(["pdf", "docx", "md"] as const).map((format) => (
            <a
              key={format}
              href={`/api/v1/postmortems/${pm.id}/export?format=${format}`}
              download
              className="inline-flex h-8 items-center gap-1.5 rounded-md border border-input bg-background px-3 text-xs font-medium shadow-xs hover:bg-accent"
            >
              <Download className="size-3.5" aria-hidden />
              Download {format === "md" ? "Markdown" : format.toUpperCase()}
            </a>
          ))}
        </div>
      </Panel>
      <Panel title="Action items">
        <ActionItemsPanel incidentRef={incidentRef} canWrite={canWrite} members={members} />
      </Panel>
      <Panel title="Published revisions">
        {pm.publishedRevisions.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing published yet.</p>
        ) : (
          <div className="flex flex-col gap-3">
            <ul className="flex flex-col gap-1.5 text-xs">
              {pm.publishedRevisions.map((r) => (
                <li key={r.revision} className="flex flex-col">
                  <span className="font-medium">
                    Revision {r.revision} · <Timestamp value={r.publishedAt} precision="minutes" />
                  </span>
                  <code className="break-all text-[10px] text-muted-foreground" title="SHA-256 of the revision's canonical JSON">
                    sha256:{r.sha256}
                  </code>
                </li>
              ))}
            </ul>
            {revisions.length > 1 && <RevisionCompare postmortemId={pm.id} revisions={revisions} />}
          </div>
        )}
      </Panel>
    </div>
  );
}
