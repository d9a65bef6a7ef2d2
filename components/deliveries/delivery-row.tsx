"use client";

import { useState } from "react";
import { cn } from "@/components/ui/class-names";
import { TableCell, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/time/timestamp";
import { IntegrationKindIcon } from "@/components/integrations/integration-kinds";
import { DeliveryBody, DeliveryPreview } from "./delivery-payload";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import type { DeliveryView } from "./delivery-types";
import { ReplayDeliveryButton } from "./replay-delivery-button";

const DELIVERY_COLUMNS = 6;

/** One delivery; its full body opens in a row of its own beneath, across the whole table. */
export function DeliveryRow({ delivery }: { delivery: DeliveryView }) {
  const [open, setOpen] = useState(false);
  const panelId = `delivery-${delivery.id}-body`;
  return (
    <>
      <TableRow
        data-testid="delivery-row"
        className={cn(
          "align-top max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-3 max-md:gap-y-2 max-md:px-3 max-md:py-3 max-md:[&>td]:p-0",
          open && "border-b-0",
        )}
      >
        <TableCell className="align-top text-xs max-md:order-2 max-md:w-full">
          <Timestamp value={delivery.receivedAt} layout="stacked" />
        </TableCell>
        <TableCell className="align-top max-md:order-1 max-md:min-w-0 max-md:flex-1">
          <div className="flex min-w-0 items-center gap-2">
            <IntegrationKindIcon kind={delivery.kind} className="size-6 [&_svg]:size-3.5" />
            <span className="truncate text-sm font-medium" title={delivery.integrationName}>
              {delivery.integrationName}
            </span>
          </div>
        </TableCell>
        <TableCell className="align-top max-md:order-1">
          <div className="flex flex-col gap-1 max-md:flex-row max-md:items-center">
            <DeliveryStatusBadge status={delivery.status} />
            {delivery.replayOf && <span className="text-[11px] text-muted-foreground">Replay</span>}
          </div>
        </TableCell>
        <TableCell className="align-top text-sm max-md:order-3 max-md:w-full">
          {delivery.error ? (
            <span className="break-words">{delivery.error}</span>
          ) : (
            <span className="text-muted-foreground">
              {delivery.status === "duplicate" ? "Already received" : `${delivery.events} event${delivery.events === 1 ? "" : "s"}`}
              {delivery.eventType ? ` · ${delivery.eventType}` : ""}
            </span>
          )}
        </TableCell>
        <TableCell className="align-top max-md:order-4 max-md:min-w-0 max-md:flex-1">
          <DeliveryPreview preview={delivery.preview} open={open} panelId={panelId} onToggle={() => setOpen((value) => !value)} />
        </TableCell>
        <TableCell className="align-top text-right max-md:order-5 max-md:empty:hidden">
          {(delivery.status === "rejected" || delivery.status === "failed") && <ReplayDeliveryButton delivery={delivery} />}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow className="hover:bg-transparent max-md:block">
          <TableCell colSpan={DELIVERY_COLUMNS} className="pt-0 max-md:block">
            <DeliveryBody deliveryId={delivery.id} panelId={panelId} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
