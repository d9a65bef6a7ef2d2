import type { Database } from "@/db/client";
import { isEditableStatus } from "@/lib/core/postmortem-workflow";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { ServiceError } from "@/lib/services/errors";
import { findPostmortem } from "@/lib/services/postmortems/find-postmortem";
import { loadPostmortemYdoc } from "@/lib/services/postmortems/load-postmortem-ydoc";
import { savePostmortemState } from "@/lib/services/postmortems/save-postmortem-state";

/** The postmortem can no longer be edited (approved or published): the store was refused. */
export class StoreRefusedError extends Error {}

interface PostmortemState {
  ydocUpdate: Uint8Array;
  content: Record<string, unknown>;
  text: string;
  editorUserIds: string[];
}

/** How the collaboration server reads and writes postmortems; tests may wrap it. */
export interface PostmortemStore {
  /** null when the organisation has no such postmortem */
  status(db: Database, organizationId: string, postmortemId: string): Promise<{ locked: boolean } | null>;
  load(db: Database, organizationId: string, postmortemId: string): Promise<Uint8Array | null>;
  save(db: Database, organizationId: string, postmortemId: string, state: PostmortemState): Promise<void>;
}

async function findOrNull(db: Database, organizationId: string, postmortemId: string) {
  try {
    return await findPostmortem(db, organizationId, postmortemId);
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) return null;
    throw error;
  }
}

export const postmortemStore: PostmortemStore = {
  async status(db, organizationId, postmortemId) {
    const row = await findOrNull(db, organizationId, postmortemId);
    return row ? { locked: !isEditableStatus(row.status) } : null;
  },
  load: loadPostmortemYdoc,
  async save(db, organizationId, postmortemId, state) {
    try {
      await savePostmortemState(db, postmortemId, { ...state, content: state.content as PostmortemDoc, organizationId });
    } catch (error) {
      // Approved/published (409) or deleted (404): this text must not be written.
      if (error instanceof ServiceError && (error.status === 409 || error.status === 404)) throw new StoreRefusedError(error.message);
      throw error;
    }
  },
};
