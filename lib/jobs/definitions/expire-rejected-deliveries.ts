import { expireRejectedDeliveries } from "@/lib/services/ingest/expire-rejected-deliveries";
import { readRuntimeConfig } from "@/lib/platform/runtime-config";
import type { PeriodicJob } from "./job-definition";

const DAY_MS = 24 * 60 * 60_000;

/** Refused deliveries are kept LOGBOOK_REJECTED_DELIVERY_RETENTION_DAYS (14 by default), then deleted. */
export const expireRejectedDeliveriesJob: PeriodicJob = {
  name: "expire-rejected-deliveries",
  everyMs: 60 * 60_000,
  async run(db) {
    const days = readRuntimeConfig().LOGBOOK_REJECTED_DELIVERY_RETENTION_DAYS;
    await expireRejectedDeliveries(db, new Date(Date.now() - days * DAY_MS));
  },
};
