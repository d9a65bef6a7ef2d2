import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArrowLeft, ListFilter } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { NotFoundError } from "@/lib/services/errors";
import { getIntegration } from "@/lib/services/integrations/get-integration";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { Timestamp } from "@/components/time/timestamp";
import { CopyButton } from "@/components/ui/copy-button";
import { INTEGRATION_KINDS, IntegrationKindIcon } from "@/components/integrations/integration-kinds";
import { RotateSecretDialog } from "@/components/integrations/rotate-secret-dialog";
import { SetSigningSecretForm } from "@/components/integrations/set-signing-secret-form";
import { SetupSnippetView } from "@/components/integrations/setup-snippet";
import { LiveRefresh } from "@/components/live/live-refresh";

interface Props {
  params: Promise<{ integrationId: string }>;
}

const loadIntegration = cache(async (id: string) => {
  const ctx = await getPageContext("settings:manage");
  try {
    return await getIntegration(ctx, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const integration = await loadIntegration((await params).integrationId);
  return { title: `${integration.name} · Integrations` };
}

export default async function IntegrationPage({ params }: Props) {
  const integration = await loadIntegration((await params).integrationId);
  const kind = INTEGRATION_KINDS[integration.kind];
  return (
    <>
      <LiveRefresh on={["delivery"]} />
      <Link href="/settings/integrations" className="mb-3 inline-flex w-fit items-center gap-1 rounded-sm text-xs text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
        <ArrowLeft aria-hidden className="size-3.5" />
        All integrations
      </Link>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            <IntegrationKindIcon kind={integration.kind} className="size-9" />
            <span className="min-w-0 break-words">{integration.name}</span>
          </span>
        }
        description={`${kind.label} integration. ${kind.description}`}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href={`/settings/deliveries?status=all&integration=${integration.id}`}>
                <ListFilter aria-hidden />
                Deliveries
              </Link>
            </Button>
            <RotateSecretDialog integrationId={integration.id} name={integration.name} />
          </>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card className="min-w-0 lg:col-start-1 lg:row-start-1">
          <CardHeader>
            <CardTitle>
              <h2>Setup</h2>
            </CardTitle>
            <CardDescription>
              The secret is not shown again after it is created; the snippet carries a placeholder. Rotate the secret to get a snippet with a new one.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SetupSnippetView setup={integration.setup} />
          </CardContent>
        </Card>
        <div className="flex min-w-0 flex-col gap-6 lg:col-start-2 lg:row-start-1">
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Details</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="flex flex-col gap-3 text-sm">
                <div className="flex flex-col gap-1">
                  <dt className="text-xs font-medium text-muted-foreground">Ingest URL</dt>
                  <dd className="flex items-start gap-1">
                    <code className="min-w-0 flex-1 break-all font-mono text-xs">{integration.url}</code>
                    <CopyButton value={integration.url} label="Ingest URL" variant="ghost" size="icon" className="-mt-1 size-7" />
                  </dd>
                </div>
                <div className="flex flex-col gap-1">
                  <dt className="text-xs font-medium text-muted-foreground">Last delivery</dt>
                  <dd className="text-xs">
                    <Timestamp value={integration.lastDeliveryAt} empty="Nothing received yet" className="whitespace-normal" />
                  </dd>
                </div>
                <div className="flex flex-col gap-1">
                  <dt className="text-xs font-medium text-muted-foreground">Secret set</dt>
                  <dd className="text-xs">
                    <Timestamp value={integration.secretRotatedAt} className="whitespace-normal" />
                  </dd>
                </div>
                <div className="flex flex-col gap-1">
                  <dt className="text-xs font-medium text-muted-foreground">Created</dt>
                  <dd className="text-xs">
                    <Timestamp value={integration.createdAt} className="whitespace-normal" />
                  </dd>
                </div>
              </dl>
            </CardContent>
          </Card>
          {integration.kind === "pagerduty" && (
            <Card>
              <CardHeader>
                <CardTitle>
                  <h2>Signing secret</h2>
                </CardTitle>
                <CardDescription>PagerDuty signs with a secret it generates. Paste it here after creating the subscription.</CardDescription>
              </CardHeader>
              <CardContent>
                <SetSigningSecretForm integrationId={integration.id} />
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
