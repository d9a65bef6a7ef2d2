import { PgTransaction } from "drizzle-orm/pg-core";
import type { Actor } from "@/lib/core/actor";
import { roleHasPermission, type OrgRole, type Permission } from "@/lib/core/roles";
import type { Queryable, Transaction } from "@/db/client";
import { ForbiddenError } from "./errors";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Who is calling, in which organisation, with which role: the first argument of every verb. */
export interface ServiceContext {
  /** The database, or the transaction the caller is already in (see `withTransaction`). */
  db: Queryable;
  actor: Actor;
  organizationId: string;
  role: OrgRole;
  request: RequestMeta;
}

export const NO_REQUEST: RequestMeta = { ip: null, userAgent: null };

/**
 * The one way to build a verb context, for pages, API routes, jobs, the worker and the CLI,
 * so every caller records the client address and user agent by the same rule.
 */
export function createServiceContext(input: {
  db: Queryable;
  actor: Actor;
  organizationId: string;
  role: OrgRole;
  headers?: Headers | null;
}): ServiceContext {
  return {
    db: input.db,
    actor: input.actor,
    organizationId: input.organizationId,
    role: input.role,
    request: input.headers ? requestMetaOf(input.headers) : NO_REQUEST,
  };
}

/**
 * The client of a request, as the Node server resolved it from the socket (forwarding
 * headers count only from trusted proxies: lib/auth/client-address.ts). Never the raw
 * `X-Forwarded-For`, which any client can write.
 */
export function requestMetaOf(headers: Headers): RequestMeta {
  return { ip: headers.get(CLIENT_ADDRESS_HEADER), userAgent: headers.get("user-agent") };
}

/** Every verb checks its caller's role with this, first, before it reads anything. */
export function requirePermission(ctx: Pick<ServiceContext, "role">, permission: Permission): void {
  if (!roleHasPermission(ctx.role, permission)) {
    throw new ForbiddenError(`Your role (${ctx.role}) does not allow this: it needs ${permission}.`);
  }
}

function isTransaction(db: Queryable): db is Transaction {
  return db instanceof PgTransaction;
}

/**
 * Runs `work` in one transaction: a new one, or the caller's when `ctx.db` already is one,
 * so a verb called from another verb (or from a batch in the worker) commits with it. The
 * context handed to `work` carries the transaction, for the verbs it calls in turn.
 */
export async function withTransaction<T>(ctx: ServiceContext, work: (tx: Transaction, txCtx: ServiceContext) => Promise<T>): Promise<T> {
  if (isTransaction(ctx.db)) return work(ctx.db, ctx);
  return ctx.db.transaction((tx) => work(tx, { ...ctx, db: tx }));
}
