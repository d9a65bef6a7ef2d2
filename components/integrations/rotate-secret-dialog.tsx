"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { FormAlert } from "@/components/forms/form-alert";
import type { IntegrationWithSetup } from "./integration-types";
import { SecretOnce } from "./secret-once";
import { SetupSnippetView } from "./setup-snippet";

type Rotated = IntegrationWithSetup & { secret: string };

/** Confirm, rotate, then show the new secret once with the snippet that carries it. */
export function RotateSecretDialog({ integrationId, name }: { integrationId: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [rotated, setRotated] = useState<Rotated | null>(null);
  const mutation = useMutation({
    mutationFn: () => apiFetch<Rotated>(`/api/v1/integrations/${encodeURIComponent(integrationId)}/rotate-secret`, { method: "POST" }),
    onSuccess: (result) => {
      setRotated(result);
      toast.success(`Secret of ${name} rotated`);
      router.refresh();
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : "Could not rotate the secret."),
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setRotated(null);
      mutation.reset();
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <RotateCw aria-hidden />
          Rotate secret
        </Button>
      </DialogTrigger>
      <DialogContent className={rotated ? "sm:max-w-3xl" : undefined}>
        {rotated ? (
          <>
            <DialogHeader>
              <DialogTitle>New secret for {name}</DialogTitle>
              <DialogDescription>Deliveries signed with the old secret are refused from now on. Update the sender with the snippet below.</DialogDescription>
            </DialogHeader>
            <SecretOnce secret={rotated.secret} title="New secret" />
            <SetupSnippetView setup={rotated.setup} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>Rotate the secret of “{name}”?</DialogTitle>
              <DialogDescription>
                A new secret replaces the current one at once. Until you paste it into the sender, its deliveries are rejected (they are kept, and can be
                redelivered by the sender once it is updated).
              </DialogDescription>
            </DialogHeader>
            <FormAlert message={mutation.error ? (mutation.error as Error).message : null} />
            <DialogSubmitFooter pending={mutation.isPending} onCancel={() => onOpenChange(false)} onConfirm={() => mutation.mutate()} destructive>
              Rotate secret
            </DialogSubmitFooter>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
