"use client";

import { useState } from "react";
import Link from "next/link";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { FormAlert } from "@/components/forms/form-alert";
import { useCreateMutation } from "@/components/forms/use-create-mutation";
import { INTEGRATION_KIND_OPTIONS, INTEGRATION_KINDS, IntegrationKindIcon } from "./integration-kinds";
import type { IntegrationKind, IntegrationWithSetup } from "./integration-types";
import { SecretOnce } from "./secret-once";
import { SetupSnippetView } from "./setup-snippet";

type Created = IntegrationWithSetup & { secret: string };

/** Create an integration, then show its secret once and the snippet to paste into the sender. */
export function AddIntegrationDialog() {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<IntegrationKind>("alertmanager");
  const [created, setCreated] = useState<Created | null>(null);
  const { mutation, fieldErrors, formError, reset } = useCreateMutation<{ kind: IntegrationKind; name: string }, Created>("/api/v1/integrations", {
    success: (integration) => `Integration ${integration.name} created`,
    onSuccess: (integration) => setCreated(integration),
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      reset();
      setCreated(null);
      setKind("alertmanager");
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ kind, name: String(form.get("name") ?? "").trim() });
  }

  const invalid = (field: string) => (fieldErrors[field] ? { "aria-invalid": true as const, "aria-describedby": `integration-${field}-error` } : {});

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          Add integration
        </Button>
      </DialogTrigger>
      <DialogContent className={created ? "sm:max-w-3xl" : "sm:max-w-lg"}>
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>{created.name} is ready</DialogTitle>
              <DialogDescription>Paste the snippet into {INTEGRATION_KINDS[created.kind].label}; its deliveries then arrive at the ingest URL below.</DialogDescription>
            </DialogHeader>
            <div className="flex min-w-0 flex-col gap-4">
              <div className="flex flex-col gap-1">
                <span className="text-xs font-medium text-muted-foreground">Ingest URL</span>
                <code className="break-all rounded-md border border-border bg-muted/50 px-3 py-2 font-mono text-xs">{created.url}</code>
              </div>
              <SecretOnce secret={created.secret} title={created.kind === "pagerduty" ? "Secret (until you set PagerDuty's own signing secret)" : "Secret"} />
              <SetupSnippetView setup={created.setup} />
            </div>
            <DialogFooter>
              <Button asChild variant="outline">
                <Link href={`/settings/integrations/${created.id}`} onClick={() => onOpenChange(false)}>
                  Open integration
                </Link>
              </Button>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>Add integration</DialogTitle>
              <DialogDescription>Each integration gets its own URL and secret, so a leaked secret is rotated for one sender only.</DialogDescription>
            </DialogHeader>
            <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="integration-kind">Kind</Label>
                <NativeSelect id="integration-kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as IntegrationKind)} {...invalid("kind")}>
                  {INTEGRATION_KIND_OPTIONS.map((option) => (
                    <option key={option} value={option}>
                      {INTEGRATION_KINDS[option].label}
                    </option>
                  ))}
                </NativeSelect>
                <div className="flex items-start gap-2.5 rounded-md border border-border bg-muted/40 px-3 py-2.5" aria-live="polite">
                  <IntegrationKindIcon kind={kind} className="size-7" />
                  <p id="integration-kind-description" className="text-sm text-muted-foreground">
                    {INTEGRATION_KINDS[kind].description}
                  </p>
                </div>
                <FieldError id="integration-kind-error" message={fieldErrors.kind} />
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="integration-name">Name</Label>
                <Input
                  id="integration-name"
                  name="name"
                  required
                  maxLength={100}
                  autoComplete="off"
                  placeholder={kind === "github" ? "e.g. GitHub demo-bank" : kind === "flux" ? "e.g. Flux prod cluster" : "e.g. Prometheus (prod)"}
                  {...invalid("name")}
                />
                <p className="text-xs text-muted-foreground">Say which system or cluster it listens to; it appears on every event it brings in.</p>
                <FieldError id="integration-name-error" message={fieldErrors.name} />
              </div>
              <FormAlert message={formError} />
              <DialogSubmitFooter pending={mutation.isPending} onCancel={() => onOpenChange(false)} cancelWhilePending>
                Create integration
              </DialogSubmitFooter>
            </form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
