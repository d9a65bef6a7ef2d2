import { eq } from "drizzle-orm";
import { organization } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { NotFoundError } from "../errors";

export async function findOrganizationBySlug(db: Queryable, slug: string) {
  const [row] = await db.select().from(organization).where(eq(organization.slug, slug));
  if (!row) throw new NotFoundError(`Organisation ${slug}`);
  return row;
}
