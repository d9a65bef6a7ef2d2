/**
 * Whoever causes a change. Every timeline event and audit row names one. `slack_user` is a
 * Slack user no Logbook member matches (by e-mail): still named, with workspace and user id.
 */
export const ACTOR_TYPES = ["user", "api_key", "integration", "job", "system", "slack_user"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

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
