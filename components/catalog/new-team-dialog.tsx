"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
import type { TeamView } from "@/lib/services/catalog/views";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { FormAlert } from "@/components/forms/form-alert";
import { useCreateMutation } from "@/components/forms/use-create-mutation";

interface NewTeamBody {
  slug: string;
  name: string;
  description?: string;
}

export function NewTeamDialog() {
  const [open, setOpen] = useState(false);
  const { mutation, fieldErrors, formError, reset } = useCreateMutation<NewTeamBody, TeamView>("/api/v1/teams", {
    success: (team) => `Team ${team.name} created`,
    onSuccess: () => setOpen(false),
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const description = String(form.get("description") ?? "").trim();
    mutation.mutate({ slug: String(form.get("slug") ?? "").trim(), name: String(form.get("name") ?? "").trim(), description: description || undefined });
  }

  const invalid = (field: string) => (fieldErrors[field] ? { "aria-invalid": true as const, "aria-describedby": `team-${field}-error` } : {});

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          New team
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New team</DialogTitle>
          <DialogDescription>Teams own services and are paged for their incidents.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="team-slug">Slug</Label>
              <Input id="team-slug" name="slug" required placeholder="payments" autoComplete="off" className="font-mono" {...invalid("slug")} />
              <FieldError id="team-slug-error" message={fieldErrors.slug} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="team-name">Name</Label>
              <Input id="team-name" name="name" required placeholder="Payments" autoComplete="off" {...invalid("name")} />
              <FieldError id="team-name-error" message={fieldErrors.name} />
            </div>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="team-description">Description</Label>
            <Textarea id="team-description" name="description" rows={2} placeholder="What the team is responsible for" {...invalid("description")} />
            <FieldError id="team-description-error" message={fieldErrors.description} />
          </div>
          <FormAlert message={formError} />
          <DialogSubmitFooter pending={mutation.isPending} onCancel={() => setOpen(false)} cancelWhilePending>
            Create team
          </DialogSubmitFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
