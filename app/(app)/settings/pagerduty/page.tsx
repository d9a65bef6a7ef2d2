import type { Metadata } from "next";
import { PhoneCall } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { getPagerDutyConnection } from "@/lib/services/paging/get-pagerduty-connection";
import { listServices } from "@/lib/services/catalog/list-services";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { Timestamp } from "@/components/time/timestamp";
import { PagerDutyConnectionForm } from "@/components/settings/pagerduty-connection-form";
import { PagerDutyServiceMapping } from "@/components/settings/pagerduty-service-mapping";

export const metadata: Metadata = { title: "PagerDuty" };

export default async function PagerDutySettingsPage() {
  const ctx = await getPageContext("settings:manage");
  const [connection, services] = await Promise.all([getPagerDutyConnection(ctx), listServices(ctx)]);
  return (
    <>
      <PageHeader title="PagerDuty" description="Who is on call for an incident's services, and paging them from the incident; acknowledgements come back through the PagerDuty webhook integration." />
      <div className="flex flex-col gap-6">
        <section aria-labelledby="pagerduty-status" className="flex flex-col gap-2">
          <h2 id="pagerduty-status" className="flex items-center gap-2 text-sm font-semibold">
            Connection
            {connection.connected ? <Badge variant="success">Connected</Badge> : <Badge variant="muted">Not connected</Badge>}
            {connection.connected && !connection.routingKeySet && <Badge variant="secondary">No routing key: paging is off</Badge>}
          </h2>
          <div className="rounded-lg border border-border bg-card shadow-xs">
            {connection.connected ? (
              <dl data-testid="pagerduty-connection" className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 p-5 text-sm">
                <dt className="text-muted-foreground">REST API</dt>
                <dd className="break-all font-mono text-xs leading-5">{connection.apiUrl}</dd>
                <dt className="text-muted-foreground">Events API</dt>
                <dd className="break-all font-mono text-xs leading-5">{connection.eventsUrl}</dd>
                <dt className="text-muted-foreground">Last set</dt>
                <dd>
                  <Timestamp value={connection.updatedAt} precision="minutes" />
                </dd>
              </dl>
            ) : (
              <EmptyState icon={<PhoneCall aria-hidden />} title="PagerDuty is not connected">
                Connect it to show who is on call on the incident page and to page them from there. You need a REST API key and an Events API v2 routing key.
              </EmptyState>
            )}
          </div>
        </section>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{connection.connected ? "Replace the token" : "Connect PagerDuty"}</h2>
            </CardTitle>
            <CardDescription>Saving replaces the token and base URLs; the routing key stays unless a new one is given.</CardDescription>
          </CardHeader>
          <CardContent>
            <PagerDutyConnectionForm connection={connection} />
          </CardContent>
        </Card>
        {connection.connected && (
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Services</h2>
              </CardTitle>
              <CardDescription>Pick each service&rsquo;s PagerDuty service; its escalation policy decides whose on-call the incident page shows.</CardDescription>
            </CardHeader>
            <CardContent>
              <PagerDutyServiceMapping services={services.items.map((s) => ({ slug: s.slug, name: s.name, pagerdutyServiceId: s.pagerdutyServiceId, escalationPolicyId: s.escalationPolicyId }))} />
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}
