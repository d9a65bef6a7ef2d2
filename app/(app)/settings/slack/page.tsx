import type { Metadata } from "next";
import Link from "next/link";
import { MessagesSquare } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";
import { getSlackConnection } from "@/lib/services/slack/get-slack-connection";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { SlackConnectionForm, SlackConnectionTest } from "@/components/settings/slack-connection-form";

export const metadata: Metadata = { title: "Slack" };

export default async function SlackSettingsPage({ searchParams }: { searchParams: Promise<{ installed?: string; installError?: string }> }) {
  const ctx = await getPageContext("settings:manage");
  const { installed, installError } = await searchParams;
  const slackIntegrations = (await listIntegrations(ctx)).filter((i) => i.kind === "slack");
  const connections = await Promise.all(slackIntegrations.map((i) => getSlackConnection(ctx, i.id)));
  return (
    <>
      <PageHeader title="Slack" description="Each incident gets a channel with a pinned summary that is edited as the incident changes; SEV1 and SEV2 are announced; notes and status changes are echoed; /logbook runs the incident from the channel." />
      {installed && (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-800">
          Installed in {installed}.
        </p>
      )}
      {installError && (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
          Slack install failed: {installError}
        </p>
      )}
      {connections.length === 0 ? (
        <div className="rounded-lg border border-border bg-card shadow-xs">
          <EmptyState icon={<MessagesSquare aria-hidden />} title="Slack is not connected">
            Add a Slack integration under <Link href="/settings/integrations" className="underline">Integrations</Link>; its app manifest has the URLs and scopes to paste at api.slack.com/apps.
          </EmptyState>
        </div>
      ) : (
        <div className="flex flex-col gap-6">
          {connections.map((connection) => (
            <div key={connection.integrationId} className="flex flex-col gap-6" data-testid="slack-connection">
              <section aria-labelledby={`slack-${connection.integrationId}`} className="flex flex-col gap-2">
                <h2 id={`slack-${connection.integrationId}`} className="flex items-center gap-2 text-sm font-semibold">
                  {connection.name}
                  {connection.connected ? <Badge variant="success">Connected</Badge> : <Badge variant="muted">Not connected</Badge>}
                  {!connection.hasSigningSecret && <Badge variant="secondary">No signing secret: Slack&rsquo;s requests are refused</Badge>}
                </h2>
                <div className="rounded-lg border border-border bg-card p-5 shadow-xs">
                  <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
                    <dt className="text-muted-foreground">Workspace</dt>
                    <dd>{connection.settings.teamName ?? "—"}</dd>
                    <dt className="text-muted-foreground">Bot</dt>
                    <dd>{connection.settings.botName ? `@${connection.settings.botName}` : "—"}</dd>
                    {(["events", "commands", "interactions", "oauthRedirect"] as const).map((key) => (
                      <div key={key} className="contents">
                        <dt className="text-muted-foreground">{{ events: "Events URL", commands: "Slash command URL", interactions: "Interactivity URL", oauthRedirect: "OAuth redirect URL" }[key]}</dt>
                        <dd className="flex items-center gap-2 break-all font-mono text-xs leading-5">
                          {connection.urls[key]}
                          <CopyButton value={connection.urls[key]} label={`Copy the ${key} URL`} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                  <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-border pt-4">
                    {connection.installUrl ? (
                      <a href={connection.installUrl} className="inline-flex h-9 items-center gap-2 rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground shadow-xs hover:bg-primary/90">
                        <MessagesSquare className="size-4" aria-hidden />
                        Add to Slack
                      </a>
                    ) : (
                      <p className="text-sm text-muted-foreground">Set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET on the server for Add to Slack, or paste a bot token below.</p>
                    )}
                    {connection.connected && <SlackConnectionTest integrationId={connection.integrationId} />}
                  </div>
                  <p className="mt-3 text-xs text-muted-foreground">
                    Bot scopes: <span className="font-mono">{connection.scopes.join(", ")}</span>
                  </p>
                </div>
              </section>
              <Card>
                <CardHeader>
                  <CardTitle>
                    <h2>Channels and echoes</h2>
                  </CardTitle>
                  <CardDescription>Secrets are write-only: leave them empty to keep the saved ones.</CardDescription>
                </CardHeader>
                <CardContent>
                  <SlackConnectionForm connection={connection} />
                </CardContent>
              </Card>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
