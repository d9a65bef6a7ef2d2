import { and, eq } from "drizzle-orm";
import { postmortemTemplate } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { builtinTemplate, isTemplateKey, TEMPLATE_NAMES, type TemplateKey } from "@/lib/documents/templates/builtin-templates";
import { NotFoundError } from "../errors";

export interface PostmortemTemplateView {
  key: TemplateKey;
  name: string;
  content: PostmortemDoc;
  /** false while the organisation uses the built-in version */
  customised: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

export function assertTemplateKey(key: string): TemplateKey {
  if (!isTemplateKey(key)) throw new NotFoundError(`Postmortem template ${key}`);
  return key;
}

/** The organisation's edited template, or the built-in one until an admin edits it. */
export async function resolveTemplate(db: Queryable, organizationId: string, key: TemplateKey): Promise<PostmortemTemplateView> {
  const [row] = await db
    .select()
    .from(postmortemTemplate)
    .where(and(eq(postmortemTemplate.organizationId, organizationId), eq(postmortemTemplate.key, key)))
    .limit(1);
  if (!row) return { key, name: TEMPLATE_NAMES[key], content: builtinTemplate(key), customised: false, updatedBy: null, updatedAt: null };
  return { key, name: row.name, content: row.content as PostmortemDoc, customised: true, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}
