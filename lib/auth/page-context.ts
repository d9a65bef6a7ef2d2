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
  const requestHeaders = await headers();
  const caller = await resolveCaller(requestHeaders).catch(() => null);
  if (!caller) redirect("/sign-in");
  if (permission && !roleHasPermission(caller.role, permission)) redirect("/forbidden");
  return { ...createServiceContext({ db: getDatabase().db, ...caller, headers: requestHeaders }), caller };
}
