"use client";

import { useState } from "react";
import { Loader2, PlugZap } from "lucide-react";
import type { SlackConnectionView } from "@/lib/services/slack/views";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormAlert } from "@/components/forms/form-alert";
import { useCreateMutation } from "@/components/forms/use-create-mutation";
import { ConnectionField } from "@/components/settings/connection-field";

const ECHO_LABELS = { note: "Notes", status_change: "Status changes", severity_change: "Severity changes", role_change: "Role changes" } as const;
type EchoKind = keyof typeof ECHO_LABELS;

interface SlackSettingsBody {
  botToken?: string;
  signingSecret?: string;
  announceChannel: string | null;
  channelNameTemplate: string;
  archiveAfterDays: number | null;
  echo: Record<EchoKind, boolean>;
  captureEmoji: string;
}

/**
 * A Slack integration's settings: a pasted bot token and signing secret (self-hosted installs;
 * write-only, empty keeps the saved ones), where incidents are announced, how channels are
 * named and archived, which timeline kinds are echoed, and the capture emoji.
 */
export function SlackConnectionForm({ connection }: { connection: SlackConnectionView }) {
  const s = connection.settings;
  const [botToken, setBotToken] = useState("");
  const [signingSecret, setSigningSecret] = useState("");
  const [announceChannel, setAnnounceChannel] = useState(s.announceChannel ?? "");
  const [template, setTemplate] = useState(s.channelNameTemplate);
  const [archiveDays, setArchiveDays] = useState(s.archiveAfterDays === null ? "" : String(s.archiveAfterDays));
  const [emoji, setEmoji] = useState(s.captureEmoji);
  const [echo, setEcho] = useState<Record<EchoKind, boolean>>({ note: s.echo.note ?? true, status_change: s.echo.status_change ?? true, severity_change: s.echo.severity_change ?? true, role_change: s.echo.role_change ?? false });
  const { mutation, fieldErrors, formError } = useCreateMutation<SlackSettingsBody, SlackConnectionView>(`/api/v1/integrations/${connection.integrationId}/slack`, {
    method: "PUT",
    success: (saved) => (saved.connected ? `Slack settings saved${saved.settings.teamName ? ` for ${saved.settings.teamName}` : ""}` : "Slack settings saved; add a bot token to connect"),
    onSuccess: () => {
      setBotToken("");
      setSigningSecret("");
    },
  });
  return (
    <form
      noValidate
      aria-label="Slack settings"
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate({
          ...(botToken.trim() ? { botToken: botToken.trim() } : {}),
          ...(signingSecret.trim() ? { signingSecret: signingSecret.trim() } : {}),
          announceChannel: announceChannel.trim() || null,
          channelNameTemplate: template.trim(),
          archiveAfterDays: archiveDays.trim() === "" ? null : Number(archiveDays),
          echo,
          captureEmoji: emoji.trim(),
        });
      }}
    >
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <ConnectionField id="slack-bot-token" label={connection.connected ? "Bot token (saved; leave empty to keep)" : "Bot token"} error={fieldErrors.botToken} hint="xoxb-… from OAuth & Permissions, for installs without Add to Slack. Checked with auth.test, stored encrypted." type="password" className="font-mono" value={botToken} onChange={(e) => setBotToken(e.target.value)} />
        <ConnectionField id="slack-signing-secret" label={connection.hasSigningSecret ? "Signing secret (saved; leave empty to keep)" : "Signing secret"} error={fieldErrors.signingSecret} hint="Basic Information → App Credentials. Every request from Slack is verified with it." type="password" className="font-mono" value={signingSecret} onChange={(e) => setSigningSecret(e.target.value)} />
        <ConnectionField id="slack-announce" label="Announcement channel" error={fieldErrors.announceChannel} hint="Channel id (C…) where new SEV1 and SEV2 incidents are announced; empty: none." className="font-mono" placeholder="C0123ABCD" value={announceChannel} onChange={(e) => setAnnounceChannel(e.target.value)} />
        <ConnectionField id="slack-template" label="Channel name template" error={fieldErrors.channelNameTemplate} hint="{ref}, {number}, {title}, {severity}; lower-cased to Slack's characters, at most 80, -2 when taken." className="font-mono" value={template} onChange={(e) => setTemplate(e.target.value)} />
        <ConnectionField id="slack-archive" label="Archive after (days)" error={fieldErrors.archiveAfterDays} hint="Days after an incident closes that its channel is archived; empty: never." inputMode="numeric" value={archiveDays} onChange={(e) => setArchiveDays(e.target.value)} />
        <ConnectionField id="slack-emoji" label="Capture emoji" error={fieldErrors.captureEmoji} hint="Reacting with it copies a message to the timeline." className="font-mono" value={emoji} onChange={(e) => setEmoji(e.target.value)} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Echo to the incident channel</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {(Object.keys(ECHO_LABELS) as EchoKind[]).map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <Checkbox checked={echo[kind]} onChange={(e) => setEcho({ ...echo, [kind]: e.target.checked })} />
              {ECHO_LABELS[kind]}
            </label>
          ))}
        </div>
        <p className="text-xs text-muted-foreground">What was said in Slack is never echoed back, and each entry is posted once.</p>
      </fieldset>
      <FormAlert message={formError} />
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending && <Loader2 aria-hidden className="animate-spin" />}
          Save Slack settings
        </Button>
      </div>
    </form>
  );
}

/** The connection test: auth.test with the saved token, answered with the workspace and bot name. */
export function SlackConnectionTest({ integrationId }: { integrationId: string }) {
  const [answer, setAnswer] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="button"
        variant="outline"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          try {
            const result = await apiFetch<{ ok: boolean; team?: string; bot?: string; error?: string }>(`/api/v1/integrations/${integrationId}/slack/test`, { method: "POST" });
            setAnswer(result.ok ? `Connected to ${result.team} as @${result.bot}` : (result.error ?? "Slack did not answer"));
          } catch (error) {
            setAnswer((error as Error).message);
          } finally {
            setPending(false);
          }
        }}
      >
        {pending ? <Loader2 aria-hidden className="animate-spin" /> : <PlugZap aria-hidden />}
        Test connection
      </Button>
      {answer && (
        <p role="status" data-testid="slack-test-result" className="text-sm">
          {answer}
        </p>
      )}
    </div>
  );
}
