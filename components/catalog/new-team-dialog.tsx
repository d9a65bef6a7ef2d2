"use client";

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
import { useFormDialog } from "@/components/forms/use-form-dialog";

interface NewTeamBody {
  slug: string;
  name: string;
  description?: string;
}

export function NewTeamDialog() {
  const { mutation, formError, dialog, close, fieldId, invalid, errorOf } = useFormDialog<NewTeamBody, TeamView>("/api/v1/teams", {
    idPrefix: "team",
    success: (team) => `Team ${team.name} created`,
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const description = String(form.get("description") ?? "").trim();
    mutation.mutate({ slug: String(form.get("slug") ?? "").trim(), name: String(form.get("name") ?? "").trim(), description: description || undefined });
  }

  return (
    <Dialog {...dialog}>
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
              <Label htmlFor={fieldId("slug")}>Slug</Label>
              <Input id={fieldId("slug")} name="slug" required placeholder="payments" autoComplete="off" className="font-mono" {...invalid("slug")} />
              <FieldError {...errorOf("slug")} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={fieldId("name")}>Name</Label>
              <Input id={fieldId("name")} name="name" required placeholder="Payments" autoComplete="off" {...invalid("name")} />
              <FieldError {...errorOf("name")} />
            </div>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={fieldId("description")}>Description</Label>
            <Textarea id={fieldId("description")} name="description" rows={2} placeholder="What the team is responsible for" {...invalid("description")} />
            <FieldError {...errorOf("description")} />
          </div>
          <FormAlert message={formError} />
          <DialogSubmitFooter pending={mutation.isPending} onCancel={close} cancelWhilePending>
            Create team
          </DialogSubmitFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
