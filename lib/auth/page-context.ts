import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDatabase } from "@/db/client";
import { roleHasPermission, type Permission } from "@/lib/core/roles";
import { createServiceContext, type ServiceContext } from "@/lib/services/context";
import { resolveCaller, type Caller } from "./resolve-caller";

export interface PageContext extends ServiceContext {
  caller: Caller;
}

/**
 * For server components and server actions: the signed-in caller as a verb context, or a
 * redirect to sign-in. With `permission`, a caller without it gets the 403 page.
 */
export async function getPageContext(permission?: Permission): Promise<PageContext> {
  const ctx = await findPageContext();
  if (!ctx) redirect("/sign-in");
  if (permission && !roleHasPermission(ctx.role, permission)) redirect("/forbidden");
  return ctx;
}

/** The signed-in caller as a verb context, or null: for pages anyone may see (403, 404). */
export async function findPageContext(): Promise<PageContext | null> {
  const requestHeaders = await headers();
  const caller = await resolveCaller(requestHeaders).catch(() => null);
  if (!caller) return null;
  return { ...createServiceContext({ db: getDatabase().db, ...caller, headers: requestHeaders }), caller };
}
