import { lt } from "drizzle-orm";
import { session, verification } from "@/db/schema";
import type { PeriodicJob } from "./job-definition";

/** Expired sessions and verification tokens are useless and only grow the tables. */
export const purgeExpiredSessions: PeriodicJob = {
  name: "purge-expired-sessions",
  everyMs: 10 * 60_000,
  async run(db) {
    const now = new Date();
    await db.delete(session).where(lt(session.expiresAt, now));
    await db.delete(verification).where(lt(verification.expiresAt, now));
  },
};
