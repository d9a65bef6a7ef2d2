"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Siren } from "lucide-react";
import { toast } from "sonner";
import { SEVERITIES, SEVERITY_LABELS, type Severity } from "@/lib/core/severity";
import { ApiError, apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { FieldError, fieldErrorsOf } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { FormAlert } from "@/components/forms/form-alert";
import type { IncidentView } from "@/components/incidents/incident-types";
import type { AlertView } from "./alert-types";
import { TRIAGE_ALERTS_KEY } from "./alert-query-keys";

/** A sensible starting severity for the alert's own label; the responder can change it. */
function suggestedSeverity(alertSeverity: string | null): Severity {
  switch ((alertSeverity ?? "").toLowerCase()) {
    case "critical":
    case "page":
      return "SEV2";
    case "info":
    case "none":
      return "SEV4";
    default:
      return "SEV3";
  }
}

function suggestedTitle(alert: AlertView): string {
  const title = alert.summary ? `${alert.name}: ${alert.summary}` : `${alert.name}${alert.service ? ` on ${alert.service}` : ""}`;
  return title.slice(0, 200);
}

/** Declares an incident from a triaged alert and puts the alert on it, then opens the incident. */
export function DeclareFromAlertDialog({ alert, services }: { alert: AlertView; services: Array<{ slug: string; name: string }> }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (body: { title: string; severity: Severity; services: string[] }) => {
      const incident = await apiFetch<IncidentView>("/api/v1/incidents", {
        method: "POST",
        body: { ...body, occurredAt: alert.startsAt, summary: alert.annotations.description ?? alert.summary ?? undefined },
      });
      try {
        await apiFetch(`/api/v1/incidents/${encodeURIComponent(incident.ref)}/alerts`, { method: "POST", body: { alertId: alert.id } });
        return { incident, attached: true as const };
      } catch (error) {
        return { incident, attached: false as const, error };
      }
    },
    onMutate: () => {
      setFieldErrors({});
      setFormError(null);
    },
    onSuccess: (result) => {
      if (result.attached) toast.success(`${result.incident.ref} declared from ${alert.name}`);
      else toast.error(`${result.incident.ref} was declared, but the alert could not be attached: ${result.error instanceof Error ? result.error.message : "unknown error"}`);
      void queryClient.invalidateQueries({ queryKey: TRIAGE_ALERTS_KEY });
      setOpen(false);
      router.push(`/incidents/${result.incident.ref}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 422) {
        setFieldErrors(fieldErrorsOf(error));
        setFormError("Some fields need attention.");
        return;
      }
      const message = error instanceof Error ? error.message : "Could not declare the incident.";
      setFormError(message);
      toast.error(message);
    },
  });

  const id = (field: string) => `declare-${alert.id}-${field}`;
  const invalid = (field: string) => (fieldErrors[field] ? { "aria-invalid": true as const, "aria-describedby": id(`${field}-error`) } : {});

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setFieldErrors({});
          setFormError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">
          <Siren aria-hidden />
          Declare incident from alert
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Declare an incident from {alert.name}</DialogTitle>
          <DialogDescription>The alert goes onto the new incident, which starts in investigation with you on it.</DialogDescription>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const service = String(form.get("service") ?? "");
            const title = String(form.get("title") ?? "").trim();
            if (!title) {
              setFieldErrors({ title: "is required" });
              return;
            }
            mutation.mutate({ title, severity: String(form.get("severity")) as Severity, services: service ? [service] : [] });
          }}
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={id("title")}>Title</Label>
            <Input id={id("title")} name="title" defaultValue={suggestedTitle(alert)} maxLength={200} autoComplete="off" {...invalid("title")} />
            <FieldError id={id("title-error")} message={fieldErrors.title} />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={id("severity")}>Severity</Label>
              <NativeSelect id={id("severity")} name="severity" defaultValue={suggestedSeverity(alert.severity)} {...invalid("severity")}>
                {SEVERITIES.map((severity) => (
                  <option key={severity} value={severity}>
                    {severity} · {SEVERITY_LABELS[severity]}
                  </option>
                ))}
              </NativeSelect>
              <FieldError id={id("severity-error")} message={fieldErrors.severity} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={id("service")}>Service</Label>
              <NativeSelect id={id("service")} name="service" defaultValue={alert.service ?? ""} {...invalid("services")}>
                <option value="">No service</option>
                {services.map((service) => (
                  <option key={service.slug} value={service.slug}>
                    {service.name}
                  </option>
                ))}
              </NativeSelect>
              <FieldError id={id("services-error")} message={fieldErrors.services} />
            </div>
          </div>
          <FormAlert message={formError} />
          <DialogSubmitFooter pending={mutation.isPending} onCancel={() => setOpen(false)}>
            Declare incident
          </DialogSubmitFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
