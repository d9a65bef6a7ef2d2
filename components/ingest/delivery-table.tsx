import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/time/timestamp";
import { DeliveryPayload } from "./delivery-payload";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { IntegrationKindIcon } from "./integration-kinds";
import type { DeliveryView } from "./ingest-types";
import { ReplayDeliveryButton } from "./replay-delivery-button";

export function DeliveryTable({ deliveries }: { deliveries: DeliveryView[] }) {
  return (
    <Table className="min-w-[60rem] table-fixed">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-36">Received</TableHead>
          <TableHead className="w-48">Integration</TableHead>
          <TableHead className="w-24">Status</TableHead>
          <TableHead className="w-[24%]">Reason</TableHead>
          <TableHead>Payload</TableHead>
          <TableHead className="w-28">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {deliveries.map((delivery) => (
          <TableRow key={delivery.id} data-testid="delivery-row" className="align-top">
            <TableCell className="align-top text-xs">
              <Timestamp value={delivery.receivedAt} layout="stacked" />
            </TableCell>
            <TableCell className="align-top">
              <div className="flex min-w-0 items-center gap-2">
                <IntegrationKindIcon kind={delivery.kind} className="size-6 [&_svg]:size-3.5" />
                <span className="truncate text-sm font-medium" title={delivery.integrationName}>
                  {delivery.integrationName}
                </span>
              </div>
            </TableCell>
            <TableCell className="align-top">
              <div className="flex flex-col gap-1">
                <DeliveryStatusBadge status={delivery.status} />
                {delivery.replayOf && <span className="text-[11px] text-muted-foreground">Replay</span>}
              </div>
            </TableCell>
            <TableCell className="align-top text-sm">
              {delivery.error ? (
                <span className="break-words">{delivery.error}</span>
              ) : (
                <span className="text-muted-foreground">
                  {delivery.status === "duplicate" ? "Already received" : `${delivery.events} event${delivery.events === 1 ? "" : "s"}`}
                  {delivery.eventType ? ` · ${delivery.eventType}` : ""}
                </span>
              )}
            </TableCell>
            <TableCell className="align-top">
              <DeliveryPayload deliveryId={delivery.id} preview={delivery.preview} />
            </TableCell>
            <TableCell className="align-top text-right">
              {(delivery.status === "rejected" || delivery.status === "failed") && <ReplayDeliveryButton delivery={delivery} />}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
