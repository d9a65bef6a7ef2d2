import { and, eq, lt, lte, or, type AnyColumn, type SQL } from "drizzle-orm";
import { decodeCursor, encodeCursor } from "@/lib/core/cursor";
import { ValidationError } from "./errors";

/**
 * Cursors of lists ordered newest first by a timestamp and then by id (deliveries, alerts,
 * changes): the position is the last row's time and id, so rows arriving meanwhile neither
 * shift nor repeat a page.
 */
export function encodeTimeKeyset(at: Date, id: string): string {
  return encodeCursor({ t: at.toISOString(), i: id });
}

function decodeTimeKeyset(cursor: string): { at: Date; id: string } {
  const position = decodeCursor<{ t: string; i: string }>(cursor, { t: "string", i: "string" });
  const at = position ? new Date(position.t) : null;
  if (!position || !at || Number.isNaN(at.getTime())) throw new ValidationError("Invalid cursor", [{ field: "cursor", message: "is not a cursor this API issued" }]);
  return { at, id: position.i };
}

/**
 * Rows after the cursor in newest-first order. The plain `time <= at` bound lets the
 * time index start the scan at the cursor instead of filtering every newer row.
 */
export function olderThanCursor(time: AnyColumn, id: AnyColumn, cursor: string): SQL {
  const position = decodeTimeKeyset(cursor);
  return and(lte(time, position.at), or(lt(time, position.at), and(eq(time, position.at), lt(id, position.id))))!;
}
