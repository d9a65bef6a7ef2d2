import { logger } from "@/lib/logger";
import { checkRecurringIncidents as checkRecurringIncidentsNow } from "@/lib/services/regulatory/check-recurring-incidents";
import type { PeriodicJob } from "./job-definition";

/**
 * DORA's recurring-incident check (Delegated Regulation (EU) 2024/1772 Art. 8(2)) is due
 * monthly; it runs daily, which is at least monthly, and a timer of a month would overflow
 * setInterval (at most 24.8 days). A repeat run classifies nothing twice.
 */
export const checkRecurringIncidents: PeriodicJob = {
  name: "recurring-incident-check",
  everyMs: 24 * 60 * 60_000,
  async run(db) {
    const result = await checkRecurringIncidentsNow(db);
    if (result.classified.length > 0) logger.info(result, "recurring incidents classified as major");
  },
};
