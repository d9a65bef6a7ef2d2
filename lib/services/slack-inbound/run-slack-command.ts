import type { Database } from "@/db/client";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { INCIDENT_ROLE_LABELS } from "@/lib/core/incident-roles";
import { roleHasPermission } from "@/lib/core/roles";
import type { JobPayload, SLACK_COMMAND_JOB } from "@/lib/jobs/job-payloads";
import { logger } from "@/lib/logger";
import { slackMrkdwnToMarkdown } from "@/lib/slack/mrkdwn";
import type { SlashCommand } from "@/lib/slack/slash-command";
import { createServiceContext, withTransaction, type ServiceContext } from "../context";
import { ServiceError } from "../errors";
import { addNote } from "../incidents/add-note";
import { declareIncident } from "../incidents/declare-incident";
import { findIncident } from "../incidents/find-incident";
import { updateIncident } from "../incidents/update-incident";
import { loadSlackInstallation, replyLater, resolveSlackPerson, type SlackPerson } from "./internal";

/** Why someone's Slack account may not change incidents, in words they can act on. */
function refusal(person: SlackPerson): string | null {
  if (person.role === null) {
    const who = person.email ? `No Logbook member has your Slack e-mail (${person.email})` : "Your Slack profile shows no e-mail Logbook could match";
    return `${who}, so Logbook cannot tell who you are: an admin can invite you to the organisation with that address.`;
  }
  if (!roleHasPermission(person.role, "incident:write")) return `Your Logbook role (${person.role}) can read incidents but not change them.`;
  return null;
}

/** Runs one command as the member, in the caller's transaction; answers what the person is told. */
async function run(ctx: ServiceContext, incidentId: string | null, command: Exclude<SlashCommand, { name: "help" }>, roleHolderEmail: string | null): Promise<string> {
  if (command.name === "declare") {
    const declared = await declareIncident(ctx, { title: command.title, severity: command.severity });
    return `Declared ${declared.ref}: ${declared.title} (${declared.severity}).`;
  }
  const row = await findIncident(ctx.db, ctx.organizationId, incidentId ?? "");
  const ref = formatIncidentRef(row.number);
  switch (command.name) {
    case "status":
    case "resolve": {
      const status = command.name === "resolve" ? "resolved" : command.status;
      await updateIncident(ctx, row.id, { status });
      return `${ref} is now ${status}.`;
    }
    case "sev":
      await updateIncident(ctx, row.id, { severity: command.severity });
      return `${ref} is now ${command.severity}.`;
    case "note":
      await addNote(ctx, row.id, { body: slackMrkdwnToMarkdown(command.text) });
      return `Note added to ${ref}'s timeline.`;
    case "role":
      await updateIncident(ctx, row.id, { [command.role]: roleHolderEmail });
      return `${INCIDENT_ROLE_LABELS[command.role]} of ${ref} set.`;
    case "acknowledge":
      // Acknowledging a triggered incident starts the investigation; a later one only stamps the time.
      if (row.status === "triggered") await updateIncident(ctx, row.id, { status: "investigating" });
      else if (!row.acknowledgedAt) await updateIncident(ctx, row.id, { acknowledgedAt: new Date() });
      else return `${ref} was already acknowledged.`;
      return `${ref} acknowledged.`;
  }
}

/**
 * The job behind a /logbook command, a summary button or a modal: runs it as the Logbook
 * member whose e-mail the Slack user has, through the same verbs as the API (so a declared
 * incident gets its channel, a status change edits the summary), and tells the person how it
 * went through response_url. A Slack user no member matches, or a viewer, changes nothing.
 */
export async function runSlackCommand(db: Database, payload: JobPayload<typeof SLACK_COMMAND_JOB>): Promise<void> {
  const installation = await loadSlackInstallation(db, payload.integrationId);
  if (!installation) return;
  const { command } = payload;
  if (command.name === "help") return;
  // Slack is asked who the people are before any transaction opens (network calls stay outside them).
  const person = await resolveSlackPerson(db, installation, payload.slackUserId);
  const refused = refusal(person);
  if (refused) {
    await replyLater(db, installation.organizationId, payload.responseUrl, refused);
    return;
  }
  let roleHolderEmail: string | null = null;
  if (command.name === "role") {
    const holder = await resolveSlackPerson(db, installation, command.slackUserId);
    if (holder.role === null) {
      await replyLater(db, installation.organizationId, payload.responseUrl, `${holder.name} is not a Logbook member (matched by e-mail), so they cannot hold a role.`);
      return;
    }
    roleHolderEmail = holder.email;
  }
  const ctx = createServiceContext({ db, actor: person.actor, organizationId: installation.organizationId, role: person.role! });
  try {
    await withTransaction(ctx, async (tx, txCtx) => {
      const answer = await run(txCtx, payload.incidentId, command, roleHolderEmail);
      await replyLater(tx, installation.organizationId, payload.responseUrl, answer);
    });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    logger.info({ integrationId: installation.integrationId, command: command.name, code: error.code }, "Slack command refused");
    await replyLater(db, installation.organizationId, payload.responseUrl, error.message);
  }
}
