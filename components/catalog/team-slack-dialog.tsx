"use client";

import { useState } from "react";
import Link from "next/link";
import { MessageSquare } from "lucide-react";
import type { SlackTeamChannelView, TeamSlackView } from "@/lib/services/slack/views";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormDialog } from "@/components/forms/use-form-dialog";

interface TeamSlackBody {
  channel: string;
  changes: boolean;
  digestTime: string | null;
}

/**
 * The team's Slack channel: its services' deploys and failed reconciliations as they happen,
 * and "since yesterday" each morning at a time in the team's time zone.
 */
export function TeamSlackDialog({ team, timeZone, slack }: { team: { slug: string; name: string }; timeZone: string; slack: TeamSlackView }) {
  const [changes, setChanges] = useState(slack.subscription?.changes ?? true);
  const { mutation, formError, dialog, close, fieldId, invalid, errorOf } = useFormDialog<TeamSlackBody, SlackTeamChannelView>(`/api/v1/teams/${encodeURIComponent(team.slug)}/slack`, {
    idPrefix: `team-${team.slug}-slack`,
    method: "PUT",
    success: (saved) => `${team.name} now posts to ${saved.channel}`,
    onOpen: () => setChanges(slack.subscription?.changes ?? true),
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const digestTime = String(form.get("digestTime") ?? "").trim();
    mutation.mutate({ channel: String(form.get("channel") ?? "").trim(), changes, digestTime: digestTime || null });
  }

  return (
    <Dialog {...dialog}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="h-7 px-2" aria-label={`Slack channel of ${team.name}`}>
          <MessageSquare aria-hidden />
          Slack
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{team.name}: Slack channel</DialogTitle>
          <DialogDescription>The channel hears the team&rsquo;s services&rsquo; deploys and failed reconciliations, and a daily &ldquo;since yesterday&rdquo;.</DialogDescription>
        </DialogHeader>
        {!slack.slackConnected ? (
          <p className="text-sm text-muted-foreground">
            Slack is not connected yet. An admin connects it in{" "}
            <Link href="/settings/slack" className="font-medium text-primary underline-offset-4 hover:underline">
              Settings → Slack
            </Link>
            .
          </p>
        ) : (
          <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={fieldId("channel")}>Channel ID</Label>
              <Input id={fieldId("channel")} name="channel" required defaultValue={slack.subscription?.channel ?? ""} autoComplete="off" placeholder="C0123ABCD" className="font-mono" {...invalid("channel")} />
              <p className="text-xs text-muted-foreground">In Slack: the channel&rsquo;s name → About → Channel ID. Invite the Logbook app to the channel.</p>
              <FieldError {...errorOf("channel")} />
            </div>
            <label className="flex items-center gap-2 text-sm">
              <Checkbox checked={changes} onChange={(event) => setChanges(event.target.checked)} />
              Post the services&rsquo; deploys and failed reconciliations
            </label>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={fieldId("digestTime")}>Daily &ldquo;since yesterday&rdquo; at</Label>
              <Input id={fieldId("digestTime")} name="digestTime" type="time" defaultValue={slack.subscription?.digestTime ?? ""} className="w-36" {...invalid("digestTime")} />
              <p className="text-xs text-muted-foreground">In {timeZone}, every day. Leave empty for no digest.</p>
              <FieldError {...errorOf("digestTime")} />
            </div>
            <FormAlert message={formError} />
            <DialogSubmitFooter pending={mutation.isPending} onCancel={close} cancelWhilePending>
              Save
            </DialogSubmitFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
