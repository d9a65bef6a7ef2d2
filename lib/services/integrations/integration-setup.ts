import { SECRET_PLACEHOLDER, setupSnippet, type SetupSnippet } from "@/lib/ingest/setup-snippets";
import type { IntegrationView } from "./integration-view";

export interface IntegrationWithSetup extends IntegrationView {
  setup: SetupSnippet;
}

/**
 * The view plus the snippet to paste into the sender. The real secret goes in only when the
 * caller has it in hand (creating, rotating); afterwards the snippet shows a placeholder.
 */
export function withSetup(view: IntegrationView, secret: string = SECRET_PLACEHOLDER): IntegrationWithSetup {
  return { ...view, setup: setupSnippet(view.kind, { url: view.url, secret, name: view.name }) };
}
