import type { CollabClaims } from "@/lib/auth/collab-token";

/** What each authenticated connection carries (Hocuspocus "context"). */
export interface CollabContext {
  claims: CollabClaims;
  postmortemId: string;
}
