"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, fieldErrorsOf } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * PagerDuty generates the signing secret of a v3 webhook subscription itself and shows it
 * once; the admin pastes it here so Logbook verifies with the same one.
 */
export function SetSigningSecretForm({ integrationId }: { integrationId: string }) {
  const router = useRouter();
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: (value: string) => apiFetch(`/api/v1/integrations/${encodeURIComponent(integrationId)}/secret`, { method: "PUT", body: { secret: value } }),
    onMutate: () => setError(undefined),
    onSuccess: () => {
      setSecret("");
      toast.success("Signing secret saved; PagerDuty's deliveries are verified with it from now on.");
      router.refresh();
    },
    onError: (failure) => {
      if (failure instanceof ApiError && failure.status === 422) setError(fieldErrorsOf(failure).secret ?? failure.message);
      else toast.error(failure instanceof Error ? failure.message : "Could not save the secret.");
    },
  });

  return (
    <form
      className="flex flex-col gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const value = secret.trim();
        if (value.length < 16) {
          setError("Paste the whole signing secret PagerDuty showed (at least 16 characters).");
          return;
        }
        mutation.mutate(value);
      }}
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="pagerduty-signing-secret">PagerDuty signing secret</Label>
        <div className="flex flex-col gap-2">
          <Input
            id="pagerduty-signing-secret"
            type="password"
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "pagerduty-signing-secret-error" : "pagerduty-signing-secret-hint"}
          />
          <Button type="submit" disabled={mutation.isPending} className="self-start">
            {mutation.isPending && <Loader2 aria-hidden className="animate-spin" />}
            Set signing secret
          </Button>
        </div>
        <FieldError id="pagerduty-signing-secret-error" message={error} />
        <p id="pagerduty-signing-secret-hint" className="text-xs text-muted-foreground">
          PagerDuty shows it once, when you create the webhook subscription. It replaces the secret Logbook generated.
        </p>
      </div>
    </form>
  );
}
