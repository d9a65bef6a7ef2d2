import { and, eq, isNull } from "drizzle-orm";
import { integration } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { toInstallation } from "./internal";
import type { SlackInstallation } from "./views";

/** One Slack integration by id (any organisation: inbound requests name it in their URL); null when absent, disabled or not Slack. */
export async function loadSlackInstallation(db: Queryable, integrationId: string): Promise<SlackInstallation | null> {
  const [row] = await db
    .select()
    .from(integration)
    .where(and(eq(integration.id, integrationId), eq(integration.kind, "slack"), isNull(integration.disabledAt)));
  return row ? toInstallation(row) : null;
}
