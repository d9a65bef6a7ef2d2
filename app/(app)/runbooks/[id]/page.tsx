import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPageContext } from "@/lib/auth/page-context";
import { roleHasPermission } from "@/lib/core/roles";
import { NotFoundError } from "@/lib/services/errors";
import { getRunbook } from "@/lib/services/runbooks/get-runbook";
import { PageHeader } from "@/components/shell/page-header";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { Badge } from "@/components/ui/badge";
import { RunbookEditor } from "@/components/runbooks/runbook-editor";
import { DeleteRunbookButton } from "@/components/runbooks/delete-runbook-button";

export const metadata: Metadata = { title: "Runbook" };

export default async function RunbookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ edit?: string }> }) {
  const ctx = await getPageContext("incident:read");
  const { id } = await params;
  const { edit } = await searchParams;
  const canWrite = roleHasPermission(ctx.role, "incident:write");
  const runbook = await getRunbook(ctx, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (edit === "1" && canWrite && !runbook.source) {
    return (
      <>
        <PageHeader title={`Edit: ${runbook.title}`} />
        <RunbookEditor initial={runbook} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={runbook.title}
        description={runbook.sourceUrl ? `Source: ${runbook.sourceUrl}` : undefined}
        actions={
          canWrite && (
            <div className="flex gap-2">
              {!runbook.source && (
                <a className="text-sm underline" href={`/runbooks/${runbook.id}?edit=1`}>
                  Edit
                </a>
              )}
              <DeleteRunbookButton id={runbook.id} />
            </div>
          )
        }
      />
      <div className="mb-4 flex flex-wrap gap-1">
        {runbook.staleAt && <Badge variant="outline">stale: removed upstream</Badge>}
        {runbook.alertNames.map((a) => (
          <Badge key={a} variant="secondary">
            {a}
          </Badge>
        ))}
        {runbook.services.map((s) => (
          <Badge key={s} variant="outline">
            {s}
          </Badge>
        ))}
      </div>
      <article className="rounded-lg border border-border bg-card p-5 shadow-xs">
        <MarkdownView>{runbook.body}</MarkdownView>
      </article>
    </>
  );
}
