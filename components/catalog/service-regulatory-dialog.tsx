"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Scale } from "lucide-react";
import { toast } from "sonner";
import type { ServiceView } from "@/lib/services/catalog/views";
import { ApiError, apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FormAlert } from "@/components/forms/form-alert";

/**
 * What DORA classification starts from for this service: whether it supports a critical or
 * important function, and how many clients use it (the base of "clients affected" as a share).
 */
export function ServiceRegulatoryDialog({ service }: { service: ServiceView }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [critical, setCritical] = useState(service.supportsCriticalFunction);
  const [clients, setClients] = useState(service.clientCount === null ? "" : String(service.clientCount));
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const id = `regulatory-${service.slug}`;
  const mutation = useMutation({
    mutationFn: (body: unknown) => apiFetch<ServiceView>(`/api/v1/services/${encodeURIComponent(service.slug)}`, { method: "PATCH", body }),
    onSuccess: (saved) => {
      toast.success(`Regulatory defaults of ${saved.name} saved`);
      setOpen(false);
      router.refresh();
    },
    onError: (failure) => {
      const detail = failure instanceof ApiError ? failure.details?.find((d) => d.field === "clientCount") : undefined;
      if (detail) setError(`Clients ${detail.message}`);
      else setFormError(failure instanceof Error ? failure.message : "Could not save.");
    },
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setFormError(null);
    const text = clients.trim().replace(/[\s,_]/g, "");
    const count = text === "" ? null : Number(text);
    if (count !== null && !Number.isFinite(count)) {
      setError("Clients must be a number");
      return;
    }
    mutation.mutate({ supportsCriticalFunction: critical, clientCount: count });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setCritical(service.supportsCriticalFunction);
          setClients(service.clientCount === null ? "" : String(service.clientCount));
        }
        setError(null);
        setFormError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" className="size-7 text-muted-foreground" title="Regulatory classification defaults" aria-label={`Regulatory defaults of ${service.name}`}>
          <Scale aria-hidden />
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Regulatory defaults of {service.name}</DialogTitle>
          <DialogDescription>Classifying an incident under DORA starts from these for the services it affects.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <div className="flex items-start gap-2">
            <Checkbox id={`${id}-critical`} checked={critical} onChange={(e) => setCritical(e.target.checked)} className="mt-0.5" />
            <Label htmlFor={`${id}-critical`} className="font-normal leading-snug">
              Supports a critical or important function (DORA Art. 3(22))
            </Label>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-clients`}>Clients using the service</Label>
            <Input
              id={`${id}-clients`}
              inputMode="numeric"
              value={clients}
              onChange={(e) => setClients(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-clients-error` : `${id}-clients-hint`}
            />
            <p id={`${id}-clients-hint`} className="text-xs text-muted-foreground">
              Empty if unknown. An incident affecting more than 10 % of them meets the clients criterion.
            </p>
            <FieldError id={`${id}-clients-error`} message={error ?? undefined} />
          </div>
          <FormAlert message={formError} />
          <DialogSubmitFooter pending={mutation.isPending} onCancel={() => setOpen(false)}>
            Save
          </DialogSubmitFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
