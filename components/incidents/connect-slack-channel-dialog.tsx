"use client";

import { Hash } from "lucide-react";
import type { IncidentSlackView } from "@/lib/services/slack/views";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormDialog } from "@/components/forms/use-form-dialog";

/**
 * For an incident without a channel (declared before Slack was connected, or written up after
 * the fact): the channel the responders already talked in becomes the incident's, and what
 * was said there comes onto the timeline.
 */
export function ConnectSlackChannelDialog({ incidentRef, className }: { incidentRef: string; className?: string }) {
  const { mutation, formError, dialog, close, fieldId, invalid, errorOf } = useFormDialog<{ channel: string }, IncidentSlackView>(`/api/v1/incidents/${encodeURIComponent(incidentRef)}/slack`, {
    idPrefix: `connect-slack-${incidentRef}`,
    method: "PUT",
    success: (channel) => `#${channel.channelName} is now ${incidentRef}'s channel; its history is being imported`,
  });

  return (
    <Dialog {...dialog}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" className={className}>
          <Hash aria-hidden />
          Connect a Slack channel
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Connect a Slack channel to {incidentRef}</DialogTitle>
          <DialogDescription>
            The channel becomes the incident&rsquo;s: its messages are imported onto the timeline (not highlighted), and the incident&rsquo;s summary is posted and pinned there.
          </DialogDescription>
        </DialogHeader>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate({ channel: String(new FormData(event.currentTarget).get("channel") ?? "").trim() });
          }}
          className="flex flex-col gap-4"
          noValidate
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={fieldId("channel")}>Channel ID</Label>
            <Input
              id={fieldId("channel")}
              name="channel"
              required
              autoComplete="off"
              placeholder="C0123ABCD"
              className="font-mono"
              {...invalid("channel")}
            />
            <p className="text-xs text-muted-foreground">In Slack: the channel&rsquo;s name → About → Channel ID. Invite the Logbook app to it first (/invite @Logbook).</p>
            <FieldError {...errorOf("channel")} />
          </div>
          <FormAlert message={formError} />
          <DialogSubmitFooter pending={mutation.isPending} onCancel={close} cancelWhilePending>
            Connect
          </DialogSubmitFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
