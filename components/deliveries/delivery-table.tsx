import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DeliveryRow } from "./delivery-row";
import type { DeliveryView } from "./delivery-types";

export function DeliveryTable({ deliveries }: { deliveries: DeliveryView[] }) {
  return (
    // A table on wide screens; on narrow ones each delivery becomes a card (see DeliveryRow).
    <Table className="max-md:block md:min-w-[60rem] md:table-fixed">
      <TableHeader className="max-md:hidden">
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
      <TableBody className="max-md:block">
        {deliveries.map((delivery) => (
          <DeliveryRow key={delivery.id} delivery={delivery} />
        ))}
      </TableBody>
    </Table>
  );
}
