"use client";

import { Plus } from "lucide-react";
import type { ServiceView } from "@/lib/services/catalog/views";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { parseLabelLines, parseRepositoryLines } from "./catalog-text";

interface NewServiceBody {
  slug: string;
  name: string;
  team?: string;
  tier?: number;
  supportsCriticalFunction: boolean;
  labels: Record<string, string>;
  repositories: string[];
}

export function NewServiceDialog({ teams }: { teams: Array<{ slug: string; name: string }> }) {
  const { mutation, setFieldErrors, formError, dialog, close, fieldId, invalid, errorOf } = useFormDialog<NewServiceBody, ServiceView>("/api/v1/services", {
    idPrefix: "service",
    success: (service) => `Service ${service.name} created`,
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { labels, error: labelError } = parseLabelLines(String(form.get("labels") ?? ""));
    if (labelError) {
      setFieldErrors({ labels: labelError });
      return;
    }
    const team = String(form.get("team") ?? "");
    const tier = String(form.get("tier") ?? "");
    mutation.mutate({
      slug: String(form.get("slug") ?? "").trim(),
      name: String(form.get("name") ?? "").trim(),
      team: team || undefined,
      tier: tier ? Number(tier) : undefined,
      supportsCriticalFunction: form.get("supportsCriticalFunction") === "on",
      labels,
      repositories: parseRepositoryLines(String(form.get("repositories") ?? "")),
    });
  }

  return (
    <Dialog {...dialog}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          New service
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>New service</DialogTitle>
          <DialogDescription>Add a service to the catalogue so incidents, alerts and changes can point at it.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={fieldId("slug")}>Slug</Label>
              <Input id={fieldId("slug")} name="slug" required placeholder="payments-api" autoComplete="off" className="font-mono" {...invalid("slug")} />
              <FieldError {...errorOf("slug")} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={fieldId("name")}>Name</Label>
              <Input id={fieldId("name")} name="name" required placeholder="Payments API" autoComplete="off" {...invalid("name")} />
              <FieldError {...errorOf("name")} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={fieldId("team")}>Team</Label>
              <NativeSelect id={fieldId("team")} name="team" defaultValue="" {...invalid("team")}>
                <option value="">No team</option>
                {teams.map((team) => (
                  <option key={team.slug} value={team.slug}>
                    {team.name}
                  </option>
                ))}
              </NativeSelect>
              <FieldError {...errorOf("team")} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={fieldId("tier")}>Tier</Label>
              <NativeSelect id={fieldId("tier")} name="tier" defaultValue="" {...invalid("tier")}>
                <option value="">Not set</option>
                {[1, 2, 3, 4].map((tier) => (
                  <option key={tier} value={tier}>
                    Tier {tier}
                  </option>
                ))}
              </NativeSelect>
              <FieldError {...errorOf("tier")} />
            </div>
          </div>
          <div className="flex items-start gap-2.5 rounded-md border border-border bg-muted/40 px-3 py-2.5">
            <Checkbox id={fieldId("critical")} name="supportsCriticalFunction" className="mt-0.5" />
            <div className="flex flex-col gap-0.5">
              <Label htmlFor={fieldId("critical")}>Supports a critical or important function</Label>
              <p className="text-xs text-muted-foreground">As defined by DORA; incidents on it may need to be reported to the regulator.</p>
            </div>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={fieldId("labels")}>Labels</Label>
            <Textarea id={fieldId("labels")} name="labels" rows={3} placeholder={"app=payments-api\nnamespace=payments"} className="font-mono text-xs" {...invalid("labels")} />
            <p className="text-xs text-muted-foreground">One key=value per line; used to match alerts and Kubernetes objects.</p>
            <FieldError {...errorOf("labels")} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={fieldId("repositories")}>Repositories</Label>
            <Textarea id={fieldId("repositories")} name="repositories" rows={2} placeholder="demo-bank/payments-api" className="font-mono text-xs" {...invalid("repositories")} />
            <p className="text-xs text-muted-foreground">One owner/repo per line.</p>
            <FieldError {...errorOf("repositories")} />
          </div>
          <FormAlert message={formError} />
          <DialogSubmitFooter pending={mutation.isPending} onCancel={close} cancelWhilePending>
            Create service
          </DialogSubmitFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
