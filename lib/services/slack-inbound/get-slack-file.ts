import { and, eq, isNotNull } from "drizzle-orm";
import { slackCapturedFile } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { findIncident } from "../incidents/find-incident";
import type { CapturedSlackFile } from "./views";

/** An image captured from Slack with a message of this incident, for whoever may read the incident. */
export async function getSlackFile(ctx: ServiceContext, idOrRef: string, fileId: string): Promise<CapturedSlackFile> {
  requirePermission(ctx, "incident:read");
  const owner = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const [file] = await ctx.db
    .select({ name: slackCapturedFile.name, mimetype: slackCapturedFile.mimetype, content: slackCapturedFile.content })
    .from(slackCapturedFile)
    .where(and(eq(slackCapturedFile.incidentId, owner.id), eq(slackCapturedFile.fileId, fileId), isNotNull(slackCapturedFile.content)));
  if (!file?.content) throw new NotFoundError(`Slack file ${fileId}`);
  return { name: file.name, mimetype: file.mimetype, content: file.content };
}
