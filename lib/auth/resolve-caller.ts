import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import { apiKey, member, user } from "@/db/schema";
import { getDatabase } from "@/db/client";
import { apiKeyActor, userActor, type Actor } from "@/lib/core/actor";
import { isOrgRole, type OrgRole } from "@/lib/core/roles";
import { hashApiKey } from "./api-key-hash";
import { getAuth } from "./better-auth";

export interface Caller {
  actor: Actor;
  organizationId: string;
  role: OrgRole;
  via: "session" | "api_key";
  user?: { id: string; name: string; email: string };
}

export class InvalidCredentialsError extends Error {}

/**
 * Who sent a request: an API key in `Authorization: Bearer`, else the browser session.
 * Returns null when neither is present; throws InvalidCredentialsError for a bad key.
 */
export async function resolveCaller(headers: Headers): Promise<Caller | null> {
  const authorization = headers.get("authorization");
  if (authorization) return resolveApiKey(authorization);
  return resolveSession(headers);
}

async function resolveApiKey(authorization: string): Promise<Caller> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new InvalidCredentialsError("Authorization must be `Bearer <api key>`.");
  const { db } = getDatabase();
  const [key] = await db
    .select()
    .from(apiKey)
    .where(and(eq(apiKey.keyHash, hashApiKey(match[1]!)), isNull(apiKey.revokedAt)));
  if (!key || !isOrgRole(key.role)) throw new InvalidCredentialsError("The API key is not valid or has been revoked.");
  // Last-used is informational: write it at most once a minute per key.
  const now = new Date();
  await db
    .update(apiKey)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKey.id, key.id), or(isNull(apiKey.lastUsedAt), lt(apiKey.lastUsedAt, new Date(now.getTime() - 60_000)))));
  return { actor: apiKeyActor(key), organizationId: key.organizationId, role: key.role, via: "api_key" };
}

async function resolveSession(headers: Headers): Promise<Caller | null> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const { db } = getDatabase();
  const memberships = await db
    .select({ organizationId: member.organizationId, role: member.role, name: user.name, email: user.email })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.userId, session.user.id))
    .orderBy(asc(member.createdAt));
  const active = session.session.activeOrganizationId;
  const membership = memberships.find((m) => m.organizationId === active) ?? memberships[0];
  if (!membership || !isOrgRole(membership.role)) return null;
  const person = { id: session.user.id, name: session.user.name, email: session.user.email };
  return { actor: userActor(person), organizationId: membership.organizationId, role: membership.role, via: "session", user: person };
}
