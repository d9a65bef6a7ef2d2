import type { Metadata } from "next";
import { Inbox } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { ServiceError } from "@/lib/services/errors";
import { listDeliveries } from "@/lib/services/ingest/list-deliveries";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";
import type { DeliveryView } from "@/lib/services/ingest/views";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { CursorPager, currentCursor, firstParam, type SearchParamsRecord } from "@/components/shell/cursor-pager";
import { DeliveryFilters } from "@/components/deliveries/delivery-filters";
import { DELIVERY_TABS, type DeliveryTab } from "@/components/deliveries/delivery-tabs";
import { DeliveryTable } from "@/components/deliveries/delivery-table";
import { LiveRefresh } from "@/components/live/live-refresh";

export const metadata: Metadata = { title: "Deliveries" };

const PAGE_SIZE = 50;

const STATUS_FILTER: Record<DeliveryTab, string | undefined> = { "": "rejected,failed", rejected: "rejected", failed: "failed", all: undefined };

const EMPTY_TEXT: Record<DeliveryTab, { title: string; body: string }> = {
  "": { title: "No rejected deliveries", body: "Everything senders sent was accepted." },
  rejected: { title: "No rejected deliveries", body: "Everything senders sent was accepted." },
  failed: { title: "No failed deliveries", body: "Every accepted delivery was normalised without errors." },
  all: { title: "No deliveries yet", body: "Once a sender posts to an integration's URL, each delivery shows here, accepted or not." },
};

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const ctx = await getPageContext("settings:manage");
  const params = await searchParams;
  const requested = firstParam(params, "status") ?? "";
  const tab = (DELIVERY_TABS.some((option) => option.value === requested) ? requested : "") as DeliveryTab;
  const integrations = await listIntegrations(ctx);
  const integrationParam = firstParam(params, "integration") ?? "";
  const integration = integrations.some((option) => option.id === integrationParam) ? integrationParam : "";
  const page = await listDeliveries(ctx, {
    status: STATUS_FILTER[tab],
    integration: integration || undefined,
    cursor: currentCursor(params),
    limit: String(PAGE_SIZE),
  }).catch((error: unknown) => {
    // A stale or hand-edited cursor shows the empty state rather than an error page.
    if (error instanceof ServiceError && error.status === 422) return { items: [] as DeliveryView[], nextCursor: null };
    throw error;
  });
  const empty = integration ? { title: EMPTY_TEXT[tab].title, body: "Nothing like that from this integration." } : EMPTY_TEXT[tab];

  return (
    <>
      <LiveRefresh on={["delivery"]} />
      <PageHeader
        title="Deliveries"
        description="What senders posted to your integrations. Rejected and failed deliveries are kept so you can see why and replay them once the cause is fixed."
      />
      <DeliveryFilters tab={tab} integration={integration} integrations={integrations.map((option) => ({ id: option.id, name: option.name }))} />
      <div className="mt-4 rounded-lg border border-border bg-card shadow-xs">
        {page.items.length === 0 ? (
          <EmptyState icon={<Inbox aria-hidden />} title={empty.title}>
            {empty.body}
          </EmptyState>
        ) : (
          <DeliveryTable deliveries={page.items} />
        )}
      </div>
      <CursorPager
        basePath="/settings/deliveries"
        params={params}
        nextCursor={page.nextCursor}
        summary={page.items.length > 0 ? `Showing ${page.items.length} deliver${page.items.length === 1 ? "y" : "ies"}, newest first` : undefined}
      />
    </>
  );
}
