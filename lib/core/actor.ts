/** Whoever causes a change. Every timeline event and audit row names one. */
export type ActorType = "user" | "api_key" | "integration" | "job" | "system";

export interface Actor {
  type: ActorType;
  /** user id, api key id, integration id…; null for the system itself */
  id: string | null;
  /** what people read: a name, "API key ci-bot", "system" */
  label: string;
}

export const SYSTEM_ACTOR: Actor = { type: "system", id: null, label: "system" };

export function userActor(user: { id: string; name: string; email: string }): Actor {
  return { type: "user", id: user.id, label: user.name || user.email };
}

export function apiKeyActor(key: { id: string; name: string }): Actor {
  return { type: "api_key", id: key.id, label: `API key ${key.name}` };
}
