"use client";

import { Pencil } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useIncidentUpdate } from "./use-incident-update";

/** Renames the incident; the old and new titles land on the timeline. */
export function TitleEditor({ incidentRef, title }: { incidentRef: string; title: string }) {
  const update = useIncidentUpdate(incidentRef);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(title);
  const inputId = useId();
  const saving = update.isPending("title");
  const trimmed = draft.trim();

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) setDraft(title);
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" aria-label="Rename incident" title="Rename incident" className="size-8 shrink-0 text-muted-foreground">
          <Pencil aria-hidden />
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <form
          className="flex flex-col gap-4"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!trimmed || trimmed === title) return setOpen(false);
            if (await update.apply("title", trimmed, "Title updated")) setOpen(false);
          }}
        >
          <DialogHeader>
            <DialogTitle>Rename {incidentRef}</DialogTitle>
            <DialogDescription>Say what is broken for whom, not the suspected cause.</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={inputId}>Title</Label>
            <Input id={inputId} value={draft} maxLength={200} onChange={(event) => setDraft(event.target.value)} />
          </div>
          <DialogSubmitFooter pending={saving} submitDisabled={!trimmed} onCancel={() => setOpen(false)} cancelVariant="ghost" cancelWhilePending>
            Save title
          </DialogSubmitFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
