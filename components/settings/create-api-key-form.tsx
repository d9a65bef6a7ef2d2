"use client";

import { useState } from "react";
import { Check, Copy, KeyRound, Loader2 } from "lucide-react";
import { toast } from "sonner";
import type { ApiKeyView } from "@/lib/services/api-keys/views";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { FormAlert } from "@/components/forms/form-alert";
import { useCreateMutation } from "@/components/forms/use-create-mutation";
import { RoleOptions } from "./role-options";

type CreatedKey = ApiKeyView & { key: string };

function NewKeyBox({ created, onDismiss }: { created: CreatedKey; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
      toast.success("Key copied");
    } catch {
      toast.error("Could not copy; select the key and copy it by hand.");
    }
  }
  return (
    <div role="status" data-testid="new-api-key" className="flex flex-col gap-3 rounded-lg border border-warning/40 bg-warning-muted p-4">
      <div className="flex items-center gap-2 text-sm font-semibold text-foreground">
        <KeyRound aria-hidden className="size-4 text-warning" />
        Key “{created.name}” created with role {created.role}
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code data-testid="new-api-key-value" className="min-w-0 flex-1 select-all break-all rounded-md border border-border bg-card px-3 py-2 font-mono text-xs">
          {created.key}
        </code>
        <Button type="button" variant="outline" size="sm" onClick={copy}>
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="text-sm font-medium text-foreground">Copy this key now. It will not be shown again.</p>
      <div>
        <Button type="button" variant="ghost" size="sm" onClick={onDismiss}>
          Done
        </Button>
      </div>
    </div>
  );
}

export function CreateApiKeyForm() {
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const { mutation, fieldErrors, formError } = useCreateMutation<{ name: string; role: string }, CreatedKey>("/api/v1/api-keys", {
    success: (key) => `API key ${key.name} created`,
    onSuccess: (key) => setCreated(key),
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    mutation.mutate(
      { name: String(form.get("name") ?? "").trim(), role: String(form.get("role") ?? "viewer") },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="grid items-start gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]" noValidate>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="api-key-name">Name</Label>
          <Input
            id="api-key-name"
            name="name"
            required
            maxLength={100}
            placeholder="e.g. ci-deploys"
            autoComplete="off"
            aria-invalid={fieldErrors.name ? true : undefined}
            aria-describedby={fieldErrors.name ? "api-key-name-error" : undefined}
          />
          <FieldError id="api-key-name-error" message={fieldErrors.name} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="api-key-role">Role</Label>
          <NativeSelect id="api-key-role" name="role" defaultValue="responder">
            <RoleOptions />
          </NativeSelect>
          <FieldError id="api-key-role-error" message={fieldErrors.role} />
        </div>
        <Button type="submit" disabled={mutation.isPending} className="sm:mt-5">
          {mutation.isPending && <Loader2 aria-hidden className="animate-spin" />}
          Create key
        </Button>
      </form>
      <FormAlert message={formError} />
      {created && <NewKeyBox created={created} onDismiss={() => setCreated(null)} />}
    </div>
  );
}
