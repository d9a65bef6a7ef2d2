import { createHash } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { roleHasPermission } from "@/lib/core/roles";
import { requirePermission, type ServiceContext } from "@/lib/services/context";
import { ForbiddenError, parseInput } from "@/lib/services/errors";
import { findPostmortem } from "@/lib/services/postmortems/find-postmortem";

/**
 * Collaboration tokens: the WebSocket to /collab carries no cookie we can trust across
 * origins and proxies, so the page asks for a short-lived signed token naming exactly one
 * document and what the holder may do with it.
 */
const COLLAB_TOKEN_TTL_SECONDS = 5 * 60;
const ISSUER = "logbook";
const AUDIENCE = "logbook-collab";

export type CollabPermission = "read" | "write";

export interface CollabClaims {
  organizationId: string;
  userId: string;
  userName: string;
  documentName: string;
  permission: CollabPermission;
}

export class CollabTokenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "CollabTokenError";
  }
}

export function postmortemDocumentName(postmortemId: string): string {
  return `postmortem:${postmortemId}`;
}

export function postmortemIdOf(documentName: string): string | null {
  const match = /^postmortem:([\w-]{1,100})$/.exec(documentName);
  return match ? match[1]! : null;
}

// A key of its own, derived from the server secret, so a collaboration token can never pass
// for anything better-auth signs with the secret itself.
function signingKey(): Uint8Array {
  const secret = process.env.BETTER_AUTH_SECRET;
  if (!secret) throw new Error("BETTER_AUTH_SECRET is not set; server.ts sets it at start.");
  return new Uint8Array(createHash("sha256").update(`logbook collab token v1\0${secret}`).digest());
}

export async function mintCollabToken(claims: CollabClaims, ttlSeconds = COLLAB_TOKEN_TTL_SECONDS): Promise<{ token: string; expiresAt: string }> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ org: claims.organizationId, name: claims.userName, doc: claims.documentName, perm: claims.permission })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(signingKey());
  return { token, expiresAt: new Date((now + ttlSeconds) * 1000).toISOString() };
}

const payloadSchema = z.object({
  sub: z.string().min(1),
  org: z.string().min(1),
  name: z.string(),
  doc: z.string().min(1),
  perm: z.enum(["read", "write"]),
});

/** Checks signature, expiry and that the token was issued for this very document. */
export async function verifyCollabToken(token: string, documentName: string): Promise<CollabClaims> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, signingKey(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new CollabTokenError("token-expired");
    throw new CollabTokenError("token-invalid");
  }
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) throw new CollabTokenError("token-invalid");
  if (parsed.data.doc !== documentName) throw new CollabTokenError("token-wrong-document");
  return { organizationId: parsed.data.org, userId: parsed.data.sub, userName: parsed.data.name, documentName: parsed.data.doc, permission: parsed.data.perm };
}

export const issueCollabTokenInput = z.strictObject({ postmortemId: z.string().trim().min(1).max(100) });

/** `POST /api/v1/collab-token`: a token for the signed-in user on one of their organisation's postmortems. */
export async function issueCollabToken(ctx: ServiceContext, rawInput: unknown) {
  requirePermission(ctx, "incident:read");
  const input = parseInput(issueCollabTokenInput, rawInput);
  if (ctx.actor.type !== "user" || !ctx.actor.id) throw new ForbiddenError("Collaborative editing needs a signed-in user, not an API key.");
  const row = await findPostmortem(ctx.db, ctx.organizationId, input.postmortemId);
  const permission: CollabPermission = roleHasPermission(ctx.role, "incident:write") ? "write" : "read";
  const documentName = postmortemDocumentName(row.id);
  const minted = await mintCollabToken({ organizationId: ctx.organizationId, userId: ctx.actor.id, userName: ctx.actor.label, documentName, permission });
  return { ...minted, documentName, permission, user: { id: ctx.actor.id, name: ctx.actor.label } };
}
