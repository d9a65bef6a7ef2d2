import type { afterLoadDocumentPayload, afterUnloadDocumentPayload, connectedPayload, Extension, onDisconnectPayload } from "@hocuspocus/server";
import { logger } from "@/lib/logger";
import type { CollabContext } from "../collab-context";

/**
 * The collaboration server's lifecycle in our logs (pino, at debug level): Hocuspocus runs
 * quiet, so connections and documents coming and going are logged here. Failures are logged
 * where they are handled (a refused or failed store, in the persistence extension; a socket
 * error, in the upgrade handler).
 */
export class Logging implements Extension<CollabContext> {
  readonly extensionName = "logbook-logging";

  async connected({ documentName, context, connectionConfig }: connectedPayload<CollabContext>) {
    logger.debug({ documentName, userId: context?.claims?.userId, readOnly: connectionConfig.readOnly }, "collaborator connected");
  }

  async onDisconnect({ documentName, context, clientsCount }: onDisconnectPayload<CollabContext>) {
    logger.debug({ documentName, userId: context?.claims?.userId, clientsCount }, "collaborator disconnected");
  }

  async afterLoadDocument({ documentName }: afterLoadDocumentPayload<CollabContext>) {
    logger.debug({ documentName }, "collaboration document loaded");
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    logger.debug({ documentName }, "collaboration document unloaded");
  }
}
