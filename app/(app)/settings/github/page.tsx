import type { Metadata } from "next";
import { Plug } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { getGitHubConnection } from "@/lib/services/github-connection/get-github-connection";
import type { GitHubConnectionView } from "@/lib/services/github-connection/views";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { Timestamp } from "@/components/time/timestamp";
import { GitHubConnectionForm } from "@/components/settings/github-connection-form";
import { RunbookSources } from "@/components/runbooks/runbook-list";
import { RunbookSyncForm } from "@/components/runbooks/runbook-sync-form";
import { listRunbookSources } from "@/lib/services/runbooks/list-runbook-sources";

export const metadata: Metadata = { title: "GitHub" };

/** What is saved, never the token: the API does not return it and neither does this page. */
function ConnectionDetails({ connection }: { connection: GitHubConnectionView }) {
  return (
    <dl data-testid="github-connection" className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 px-5 text-sm">
      <dt className="text-muted-foreground">Account</dt>
      <dd className="font-medium">{connection.account ?? <span className="font-normal text-muted-foreground">Not labelled</span>}</dd>
      <dt className="text-muted-foreground">API URL</dt>
      <dd className="break-all font-mono text-xs leading-5">{connection.apiUrl}</dd>
      <dt className="text-muted-foreground">Last set</dt>
      <dd>
        <Timestamp value={connection.updatedAt} precision="minutes" />
      </dd>
    </dl>
  );
}

export default async function GitHubSettingsPage() {
  const ctx = await getPageContext("settings:manage");
  const [connection, sources] = await Promise.all([getGitHubConnection(ctx), listRunbookSources(ctx)]);
  return (
    <>
      <PageHeader
        title="GitHub"
        description="One GitHub account for the organisation: runbook folders sync from its repositories and action items become its issues."
      />
      <div className="flex flex-col gap-6">
        <section aria-labelledby="github-status" className="flex flex-col gap-2">
          <h2 id="github-status" className="flex items-center gap-2 text-sm font-semibold">
            Connection
            {connection.connected ? <Badge variant="success">Connected</Badge> : <Badge variant="muted">Not connected</Badge>}
          </h2>
          <div className="rounded-lg border border-border bg-card shadow-xs">
            {connection.connected ? (
              <div className="py-5">
                <ConnectionDetails connection={connection} />
              </div>
            ) : (
              <EmptyState icon={<Plug aria-hidden />} title="GitHub is not connected">
                Connect it to sync runbook folders from a repository and to create GitHub issues for postmortem action items. You need a fine-grained token
                with read access to contents and read and write access to issues.
              </EmptyState>
            )}
          </div>
        </section>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{connection.connected ? "Replace the token" : "Connect GitHub"}</h2>
            </CardTitle>
            <CardDescription>
              {connection.connected
                ? "Saving replaces the stored token, API URL and account; runbook sync and issue sync use the new token from their next run."
                : "Paste a token from the account that owns the runbook and issue repositories."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <GitHubConnectionForm connection={connection} />
          </CardContent>
        </Card>
        <Card id="runbook-sources" className="scroll-mt-6">
          <CardHeader>
            <CardTitle>
              <h2>Runbook sources</h2>
            </CardTitle>
            <CardDescription>
              Folders of Markdown runbooks in a repository, synced through this connection now and then periodically; a removed file marks its runbook stale.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {sources.items.length > 0 ? (
              <div className="rounded-md border border-border">
                <RunbookSources items={sources.items} />
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">No folder is synced yet.</p>
            )}
            <RunbookSyncForm />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
