import type { Metadata } from "next";
import Link from "next/link";
import { ListChecks } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { listOrganizationActionItems } from "@/lib/services/action-items/list-organization-action-items";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { ActionItemsTable } from "@/components/action-items/action-items-table";

export const metadata: Metadata = { title: "Action items" };

interface ActionItemsPageProps {
  searchParams: Promise<{ show?: string }>;
}

export default async function ActionItemsPage({ searchParams }: ActionItemsPageProps) {
  const ctx = await getPageContext("incident:read");
  const showAll = (await searchParams).show === "all";
  const { items } = await listOrganizationActionItems(ctx, showAll ? {} : { overdue: "true" });
  const tab = (active: boolean) => `rounded-md px-3 py-1.5 text-sm ${active ? "bg-secondary font-medium" : "text-muted-foreground hover:text-foreground"}`;
  return (
    <>
      <PageHeader
        title="Action items"
        description={showAll ? "Every action item across incidents, soonest due first." : "Unfinished action items past their due date, across incidents."}
        actions={
          <nav aria-label="Filter" className="flex gap-1">
            <Link href="/action-items" className={tab(!showAll)} aria-current={!showAll ? "page" : undefined}>
              Overdue
            </Link>
            <Link href="/action-items?show=all" className={tab(showAll)} aria-current={showAll ? "page" : undefined}>
              All
            </Link>
          </nav>
        }
      />
      <div className="rounded-lg border border-border bg-card shadow-xs">
        {items.length === 0 ? (
          <EmptyState icon={<ListChecks aria-hidden />} title={showAll ? "No action items yet" : "Nothing overdue"}>
            {showAll ? "Action items are added on an incident or its postmortem." : "Every action item is on time or finished."}
          </EmptyState>
        ) : (
          <ActionItemsTable items={items} />
        )}
      </div>
    </>
  );
}
