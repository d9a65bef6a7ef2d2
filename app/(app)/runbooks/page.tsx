import type { Metadata } from "next";
import Link from "next/link";
import { BookOpen } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { roleHasPermission } from "@/lib/core/roles";
import { listRunbooks } from "@/lib/services/runbooks/list-runbooks";
import { listRunbookSources } from "@/lib/services/runbooks/list-runbook-sources";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { Button } from "@/components/ui/button";
import { RunbookList, RunbookSources } from "@/components/runbooks/runbook-list";

export const metadata: Metadata = { title: "Runbooks" };

export default async function RunbooksPage() {
  const ctx = await getPageContext("incident:read");
  const canWrite = roleHasPermission(ctx.role, "incident:write");
  const canManage = roleHasPermission(ctx.role, "settings:manage");
  const [runbooks, sources] = await Promise.all([listRunbooks(ctx), listRunbookSources(ctx)]);
  return (
    <>
      <PageHeader
        title="Runbooks"
        description="What to do when an alert fires: written here or synced from GitHub, shown on incidents whose alerts or services they match."
        actions={
          canWrite && (
            <Button asChild>
              <Link href="/runbooks/new">New runbook</Link>
            </Button>
          )
        }
      />
      <div className="flex flex-col gap-5">
        <section className="rounded-lg border border-border bg-card shadow-xs">
          {runbooks.items.length === 0 ? (
            <EmptyState icon={<BookOpen aria-hidden />} title="No runbooks yet">
              Write one, or sync a folder of Markdown runbooks from GitHub.
            </EmptyState>
          ) : (
            <RunbookList items={runbooks.items} />
          )}
        </section>
        {(sources.items.length > 0 || canManage) && (
          <section className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4 shadow-xs">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-sm font-semibold">Synced from GitHub</h2>
              {/* Folders are added where the GitHub connection lives. */}
              {canManage && (
                <Link href="/settings/github#runbook-sources" className="text-sm text-primary underline-offset-4 hover:underline">
                  Manage runbook sources
                </Link>
              )}
            </div>
            {sources.items.length > 0 ? (
              <RunbookSources items={sources.items} />
            ) : (
              <p className="text-sm text-muted-foreground">No GitHub folder is synced yet.</p>
            )}
          </section>
        )}
      </div>
    </>
  );
}
