import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import type { Database } from "@/db/client";
import { CollabTokenError, postmortemIdOf, verifyCollabToken, type CollabClaims } from "@/lib/auth/collab-token";
import type { CollabContext } from "../collab-context";
import type { PostmortemStore } from "../postmortem-persistence";

export interface AuthenticationOptions {
  db: Database;
  /** tells whether the postmortem exists in the token's organisation, and whether it is locked */
  store: Pick<PostmortemStore, "status">;
}

/**
 * Lets a connection in with a short-lived signed token (lib/auth/collab-token.ts) naming
 * exactly this document, and makes it read-only unless the token allows writing and the
 * postmortem can still be edited.
 */
export class Authentication implements Extension<CollabContext> {
  readonly extensionName = "logbook-authentication";
  private readonly options: AuthenticationOptions;

  constructor(options: AuthenticationOptions) {
    this.options = options;
  }

  async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload<CollabContext>): Promise<CollabContext> {
    const postmortemId = postmortemIdOf(documentName);
    if (!postmortemId) throw refusal("unknown-document");
    let claims: CollabClaims;
    try {
      claims = await verifyCollabToken(token, documentName);
    } catch (error) {
      throw refusal(error instanceof CollabTokenError ? error.reason : "token-invalid");
    }
    const state = await this.options.store.status(this.options.db, claims.organizationId, postmortemId);
    if (!state) throw refusal("unknown-document");
    // The server, not the UI, enforces read-only: Hocuspocus drops updates from read-only connections.
    connectionConfig.readOnly = claims.permission !== "write" || state.locked;
    return { claims, postmortemId } satisfies CollabContext;
  }
}

/** Hocuspocus sends `reason` to the provider as the permission-denied reason. */
function refusal(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason });
}
