import { and, eq } from "drizzle-orm";
import { incident, slackCapturedMessage, slackEventReceipt } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { allowedNextStatuses, type IncidentStatus } from "@/lib/core/incident-lifecycle";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { openSlackView } from "@/lib/integrations/slack/slack-client";
import { enqueueJob, SLACK_CAPTURE_JOB, SLACK_COMMAND_JOB, SLACK_MESSAGE_EVENT_JOB, type JobPayload } from "@/lib/jobs/job-payloads";
import { logger } from "@/lib/logger";
import { parseSlackCommand, parseSlackEvent, parseSlackInteraction } from "@/lib/slack/inbound-payloads";
import { ADD_TO_TIMELINE_CALLBACK, noteModal, readModalSubmission, roleModal, statusModal, SUMMARY_ACTIONS, type ModalMetadata } from "@/lib/slack/modals";
import { parseSlashCommand, SLASH_COMMAND_HELP } from "@/lib/slack/slash-command";
import { incidentOfChannel, replyLater, type SlackInstallation } from "./installation";

/** What the endpoint answers Slack: a status and a JSON body (null: an empty 200, which closes a modal). */
export interface SlackAnswer {
  status: number;
  body: Record<string, unknown> | null;
}

const ok = (body: Record<string, unknown> | null = null): SlackAnswer => ({ status: 200, body });
/** Slash commands show the body of the immediate answer to the person who typed them. */
const ephemeral = (text: string): SlackAnswer => ok({ response_type: "ephemeral", text });

const OTHER_WORKSPACE = "This Slack workspace is not connected to this Logbook organisation, so Logbook will not act on it. An admin can connect it in Settings → Integrations.";
const NOT_CONNECTED = "Logbook's Slack connection has no bot token yet: an admin can finish connecting Slack in Settings → Integrations.";
const NOT_AN_INCIDENT_CHANNEL = "This channel is not an incident's channel in Logbook. Run the command in the incident's channel, or declare one with /logbook declare <title>.";

function fromOtherWorkspace(installation: SlackInstallation, teamId: string): boolean {
  return installation.teamId !== null && installation.teamId !== teamId;
}

function queueCommand(tx: Queryable, installation: SlackInstallation, payload: JobPayload<typeof SLACK_COMMAND_JOB>) {
  return enqueueJob(tx, SLACK_COMMAND_JOB, payload, { organizationId: installation.organizationId });
}

/** Events API: url_verification, then captures by reaction and edits/deletions of captured messages. */
export async function answerSlackEvent(db: Queryable, installation: SlackInstallation, body: string, retryNum: string | null): Promise<SlackAnswer> {
  const event = parseSlackEvent(body);
  if (event.kind === "url_verification") return ok({ challenge: event.challenge });
  if (fromOtherWorkspace(installation, event.teamId)) {
    logger.warn({ integrationId: installation.integrationId, teamId: event.teamId }, "Slack event from a workspace not connected to this integration");
    return ok({ ok: false, error: "workspace_not_connected" });
  }
  return db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(slackEventReceipt)
      .values({ integrationId: installation.integrationId, eventId: event.eventId })
      .onConflictDoNothing()
      .returning({ eventId: slackEventReceipt.eventId });
    // Slack retries (X-Slack-Retry-Num) an event it thinks we missed: the first one was handled.
    if (!fresh) return ok({ ok: true, duplicate: true, retry: retryNum });
    const base = { integrationId: installation.integrationId } as const;
    const options = { organizationId: installation.organizationId };
    if (event.kind === "reaction_added") {
      if (installation.access && event.reaction === installation.captureEmoji && (await incidentOfChannel(tx, installation, event.channelId))) {
        await enqueueJob(tx, SLACK_CAPTURE_JOB, { ...base, channelId: event.channelId, ts: event.ts, slackUserId: event.userId, via: "reaction", responseUrl: null }, options);
      }
    } else if (event.kind === "message_changed" || event.kind === "message_deleted") {
      const ts = event.kind === "message_changed" ? event.message.ts : event.ts;
      const [captured] = await tx
        .select({ id: slackCapturedMessage.timelineEventId })
        .from(slackCapturedMessage)
        .where(and(eq(slackCapturedMessage.integrationId, installation.integrationId), eq(slackCapturedMessage.channelId, event.channelId), eq(slackCapturedMessage.messageTs, ts)))
        .limit(1);
      if (captured) {
        const change = event.kind === "message_changed" ? "edited" : "deleted";
        const text = event.kind === "message_changed" ? (event.message.text ?? "") : null;
        await enqueueJob(tx, SLACK_MESSAGE_EVENT_JOB, { ...base, channelId: event.channelId, ts, change, text }, options);
      }
    }
    return ok({ ok: true });
  });
}

/** A slash command: help and bad input are answered at once; changes are queued and answered through response_url. */
export async function answerSlackCommand(db: Queryable, installation: SlackInstallation, body: string): Promise<SlackAnswer> {
  const request = parseSlackCommand(body);
  if (fromOtherWorkspace(installation, request.team_id)) return ephemeral(OTHER_WORKSPACE);
  const parsed = parseSlashCommand(request.text);
  if (!parsed.ok) return ephemeral(parsed.message);
  const { command } = parsed;
  if (command.name === "help") return ephemeral(SLASH_COMMAND_HELP);
  // Without the bot token Logbook cannot ask Slack who is asking, so it would never get further.
  if (!installation.access) return ephemeral(NOT_CONNECTED);
  const target = command.name === "declare" ? null : await incidentOfChannel(db, installation, request.channel_id);
  if (command.name !== "declare" && !target) return ephemeral(NOT_AN_INCIDENT_CHANNEL);
  await queueCommand(db, installation, {
    integrationId: installation.integrationId,
    channelId: request.channel_id,
    slackUserId: request.user_id,
    incidentId: target?.id ?? null,
    responseUrl: request.response_url,
    command,
  });
  return ephemeral(`Working on \`/logbook ${request.text.trim().slice(0, 100)}\`…`);
}

async function incidentOfOrganisation(db: Queryable, installation: SlackInstallation, incidentId: string) {
  const [row] = await db
    .select({ id: incident.id, number: incident.number, status: incident.status })
    .from(incident)
    .where(and(eq(incident.id, incidentId), eq(incident.organizationId, installation.organizationId)));
  return row ?? null;
}

/** Interactivity: summary buttons (modals open here, while the trigger id is valid), the shortcut, and modal submissions. */
export async function answerSlackInteraction(db: Queryable, installation: SlackInstallation, body: string): Promise<SlackAnswer> {
  const interaction = parseSlackInteraction(body);
  if (interaction.type === "unsupported") return ok();
  const responseUrl = interaction.type === "view_submission" ? null : (interaction.response_url ?? null);
  if (fromOtherWorkspace(installation, interaction.team.id)) {
    if (interaction.type === "view_submission") return ok({ response_action: "errors", errors: {} });
    await replyLater(db, installation.organizationId, responseUrl, OTHER_WORKSPACE);
    return ok();
  }
  const base = { integrationId: installation.integrationId, slackUserId: interaction.user.id, responseUrl };

  if (interaction.type === "message_action") {
    if (interaction.callback_id !== ADD_TO_TIMELINE_CALLBACK) return ok();
    const channelId = interaction.channel.id;
    if (!(await incidentOfChannel(db, installation, channelId))) {
      await replyLater(db, installation.organizationId, responseUrl, NOT_AN_INCIDENT_CHANNEL);
      return ok();
    }
    await enqueueJob(db, SLACK_CAPTURE_JOB, { ...base, channelId, ts: interaction.message.ts, via: "shortcut" }, { organizationId: installation.organizationId });
    return ok();
  }

  if (interaction.type === "view_submission") {
    const submission = readModalSubmission(interaction.view.callback_id, interaction.view.private_metadata, interaction.view.state.values);
    if (!submission.ok) return submission.errors ? ok({ response_action: "errors", errors: submission.errors }) : ok();
    const target = await incidentOfOrganisation(db, installation, submission.metadata.incidentId);
    if (!target) return ok();
    await queueCommand(db, installation, { ...base, responseUrl: submission.metadata.responseUrl, channelId: submission.metadata.channelId, incidentId: target.id, command: submission.command });
    return ok();
  }

  const action = interaction.actions[0]!;
  const target = action.value ? await incidentOfOrganisation(db, installation, action.value) : null;
  if (!target) {
    await replyLater(db, installation.organizationId, responseUrl, "That incident is not in this Logbook organisation.");
    return ok();
  }
  const channelId = interaction.channel?.id ?? "";
  if (action.action_id === SUMMARY_ACTIONS.acknowledge) {
    await queueCommand(db, installation, { ...base, channelId, incidentId: target.id, command: { name: "acknowledge" } });
    return ok();
  }
  const reference = formatIncidentRef(target.number);
  const metadata: ModalMetadata = { incidentId: target.id, channelId, responseUrl };
  const view =
    action.action_id === SUMMARY_ACTIONS.status
      ? statusModal(reference, allowedNextStatuses(target.status as IncidentStatus), metadata)
      : action.action_id === SUMMARY_ACTIONS.role
        ? roleModal(reference, metadata)
        : action.action_id === SUMMARY_ACTIONS.note
          ? noteModal(reference, metadata)
          : null;
  if (!view || !installation.access) return ok();
  // The trigger id lives three seconds: the modal is opened now, not from a job.
  try {
    await openSlackView(installation.access, interaction.trigger_id, view);
  } catch (error) {
    logger.warn({ err: error, integrationId: installation.integrationId }, "Slack views.open failed");
    await replyLater(db, installation.organizationId, responseUrl, `Logbook could not open the form (${(error as Error).message}). Try again, or use /logbook in the channel.`);
  }
  return ok();
}
