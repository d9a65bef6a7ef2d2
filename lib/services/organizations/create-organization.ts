import { randomUUID } from "node:crypto";
import { organization } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/core/actor";
import { ConflictError, parseInput } from "../errors";
import { NO_REQUEST } from "../context";
import { recordAudit } from "@/lib/services/record-audit";
import { createOrganizationInput } from "./inputs";
import type { OrganizationView } from "./views";

/** Platform-level: run by the CLI (an operator), so it takes an actor but no organisation context. */
export async function createOrganization(db: Database, actor: Actor, rawInput: unknown): Promise<OrganizationView> {
  const input = parseInput(createOrganizationInput, rawInput);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organization)
      .values({ id: randomUUID(), slug: input.slug, name: input.name })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ConflictError(`An organisation with slug ${input.slug} already exists.`, "duplicate_slug");
    const view = { id: row.id, slug: row.slug, name: row.name, createdAt: row.createdAt.toISOString() };
    await recordAudit(tx, { organizationId: row.id, actor, request: NO_REQUEST, action: "organization.created", targetType: "organization", targetId: row.id, after: view });
    return view;
  });
}
