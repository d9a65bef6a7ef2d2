import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb, type Crumb } from "@/components/shell/breadcrumb";
import { Pencil } from "lucide-react";
import { notFound } from "next/navigation";
import { getPageContext } from "@/lib/auth/page-context";
import { roleHasPermission } from "@/lib/core/roles";
import { bodyWithoutTitle } from "@/lib/knowledge/runbook-steps";
import { NotFoundError } from "@/lib/services/errors";
import { getRunbook } from "@/lib/services/runbooks/get-runbook";
import { PageHeader } from "@/components/shell/page-header";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
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
        <RunbookBreadcrumb id={runbook.id} title={runbook.title} editing />
        <PageHeader title={`Edit: ${runbook.title}`} />
        <RunbookEditor initial={runbook} />
      </>
    );
  }
  return (
    <>
      <RunbookBreadcrumb id={runbook.id} title={runbook.title} />
      <PageHeader
        title={runbook.title}
        description={runbook.sourceUrl ? `Source: ${runbook.sourceUrl}` : undefined}
        actions={
          canWrite && (
            <div className="flex items-center gap-2">
              <DeleteRunbookButton id={runbook.id} />
              {!runbook.source && (
                <Button asChild variant="outline" size="sm">
                  <Link href={`/runbooks/${runbook.id}?edit=1`}>
                    <Pencil aria-hidden />
                    Edit
                  </Link>
                </Button>
              )}
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
        {/* The page heading is the title; the body's own "# Title" would say it twice. */}
        <MarkdownView>{bodyWithoutTitle(runbook.body, runbook.title)}</MarkdownView>
      </article>
    </>
  );
}

function RunbookBreadcrumb({ id, title, editing = false }: { id: string; title: string; editing?: boolean }) {
  const crumbs: Crumb[] = [{ label: "Runbooks", href: "/runbooks" }, { label: title, href: `/runbooks/${id}` }];
  return <Breadcrumb className="mb-2" crumbs={editing ? [...crumbs, { label: "Edit" }] : crumbs} />;
}
