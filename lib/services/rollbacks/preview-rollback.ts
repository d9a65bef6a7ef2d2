import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { rollbackInput } from "./inputs";
import { findChange, planRollback } from "./internal";
import type { RollbackPreview } from "./views";

/**
 * What rolling a change back would propose (repository, commits, files and diff, target
 * branch), or why it would be refused, read from GitHub; nothing is written anywhere.
 */
export async function previewRollback(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<RollbackPreview> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(rollbackInput, rawInput);
  const owner = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const change = await findChange(ctx.db, ctx.organizationId, input.changeId);
  return (await planRollback(ctx.db, ctx.organizationId, owner, change)).preview;
}
