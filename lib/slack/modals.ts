import { z } from "zod";
import { INCIDENT_STATUSES, type IncidentStatus } from "@/lib/core/incident-lifecycle";
import { INCIDENT_ROLES, INCIDENT_ROLE_LABELS } from "@/lib/core/incident-roles";
import type { SlashCommand } from "./slash-command";

/**
 * The modals the summary message's buttons open (views.open), and what their submissions
 * mean. The incident, channel and response_url travel in `private_metadata`, which Slack
 * hands back with the submission: the modal itself carries no authority, the submitting
 * user is checked again when the change runs.
 */

/** Action ids of the summary message's buttons (shared with the summary blocks). */
export const SUMMARY_ACTIONS = {
  acknowledge: "logbook_acknowledge",
  status: "logbook_status",
  role: "logbook_role",
  note: "logbook_note",
} as const;

/** The message shortcut "Add to timeline". */
export const ADD_TO_TIMELINE_CALLBACK = "logbook_add_to_timeline";

const MODALS = { status: "logbook_status_modal", role: "logbook_role_modal", note: "logbook_note_modal" } as const;

const metadataSchema = z.object({ incidentId: z.string().min(1), channelId: z.string(), responseUrl: z.string().nullable() });
export type ModalMetadata = z.infer<typeof metadataSchema>;

const plain = (text: string) => ({ type: "plain_text", text, emoji: true });

function modal(callbackId: string, title: string, metadata: ModalMetadata, blocks: unknown[]): Record<string, unknown> {
  return {
    type: "modal",
    callback_id: callbackId,
    title: plain(title),
    submit: plain("Save"),
    close: plain("Cancel"),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

export function statusModal(reference: string, allowed: readonly IncidentStatus[], metadata: ModalMetadata): Record<string, unknown> {
  return modal(MODALS.status, `Status of ${reference}`, metadata, [
    {
      type: "input",
      block_id: "status",
      label: plain("New status"),
      element: { type: "static_select", action_id: "value", options: allowed.map((status) => ({ text: plain(status), value: status })) },
    },
  ]);
}

export function roleModal(reference: string, metadata: ModalMetadata): Record<string, unknown> {
  return modal(MODALS.role, `Role on ${reference}`, metadata, [
    {
      type: "input",
      block_id: "role",
      label: plain("Role"),
      element: { type: "static_select", action_id: "value", options: INCIDENT_ROLES.map((role) => ({ text: plain(INCIDENT_ROLE_LABELS[role]), value: role })) },
    },
    { type: "input", block_id: "user", label: plain("Person"), element: { type: "users_select", action_id: "value" } },
  ]);
}

export function noteModal(reference: string, metadata: ModalMetadata): Record<string, unknown> {
  return modal(MODALS.note, `Note on ${reference}`, metadata, [
    { type: "input", block_id: "note", label: plain("Note"), element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 3000 } },
  ]);
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null; selected_user?: string | null }>>;

export type ModalSubmission =
  | { ok: true; metadata: ModalMetadata; command: SlashCommand }
  /** field errors Slack shows in the modal (response_action: errors), keyed by block id */
  | { ok: false; errors: Record<string, string> }
  | { ok: false; errors: null };

function picked(values: StateValues, block: string): string | null {
  const field = values[block]?.value;
  return field?.selected_option?.value ?? field?.selected_user ?? (field?.value?.trim() || null);
}

/** A view_submission of one of our modals as the command it asks for; errors: null when the view is not ours. */
export function readModalSubmission(callbackId: string, privateMetadata: string, values: StateValues): ModalSubmission {
  let metadata: ModalMetadata;
  try {
    metadata = metadataSchema.parse(JSON.parse(privateMetadata));
  } catch {
    return { ok: false, errors: null };
  }
  switch (callbackId) {
    case MODALS.status: {
      const status = picked(values, "status");
      if (!status || !(INCIDENT_STATUSES as readonly string[]).includes(status)) return { ok: false, errors: { status: "Choose a status." } };
      return { ok: true, metadata, command: { name: "status", status: status as IncidentStatus } };
    }
    case MODALS.role: {
      const role = picked(values, "role");
      const slackUserId = picked(values, "user");
      if (!role || !(INCIDENT_ROLES as readonly string[]).includes(role)) return { ok: false, errors: { role: "Choose a role." } };
      if (!slackUserId) return { ok: false, errors: { user: "Choose a person." } };
      return { ok: true, metadata, command: { name: "role", role: role as (typeof INCIDENT_ROLES)[number], slackUserId } };
    }
    case MODALS.note: {
      const text = picked(values, "note");
      if (!text) return { ok: false, errors: { note: "Write the note." } };
      return { ok: true, metadata, command: { name: "note", text } };
    }
    default:
      return { ok: false, errors: null };
  }
}
