"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { Loader2 } from "lucide-react";
import { cn } from "@/components/ui/class-names";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { DELIVERY_TABS, type DeliveryTab } from "./delivery-tabs";

function hrefFor(pathname: string, tab: string, integration: string): string {
  const params = new URLSearchParams();
  if (tab) params.set("status", tab);
  if (integration) params.set("integration", integration);
  const text = params.toString();
  return text ? `${pathname}?${text}` : pathname;
}

/** Status tabs and the integration filter, both in the URL. */
export function DeliveryFilters({ tab, integration, integrations }: { tab: DeliveryTab; integration: string; integrations: Array<{ id: string; name: string }> }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <nav aria-label="Delivery status" className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1">
        {DELIVERY_TABS.map((option) => {
          const active = option.value === tab;
          return (
            <Link
              key={option.value || "attention"}
              href={hrefFor(pathname, option.value, integration)}
              aria-current={active ? "page" : undefined}
              className={cn(
                "whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring",
                active ? "bg-card text-foreground shadow-xs ring-1 ring-border" : "text-muted-foreground hover:bg-accent hover:text-foreground",
              )}
            >
              {option.label}
            </Link>
          );
        })}
      </nav>
      <div className="flex flex-col gap-1.5 sm:w-64">
        <Label htmlFor="delivery-integration" className="flex items-center gap-2">
          Integration
          {pending && <Loader2 aria-label="Loading" className="size-3.5 animate-spin text-muted-foreground" />}
        </Label>
        <NativeSelect
          id="delivery-integration"
          value={integration}
          onChange={(event) => startTransition(() => router.replace(hrefFor(pathname, tab, event.target.value), { scroll: false }))}
        >
          <option value="">All integrations</option>
          {integrations.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </NativeSelect>
      </div>
    </div>
  );
}
