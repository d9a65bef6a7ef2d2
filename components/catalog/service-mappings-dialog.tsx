"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Waypoints } from "lucide-react";
import { toast } from "sonner";
import type { ServiceView } from "@/lib/services/catalog/views";
import { ApiError, apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { FormAlert } from "@/components/forms/form-alert";
import { parseLabelLines, parseRepositoryLines } from "@/components/catalog/catalog-text";

type Field = "labels" | "repositories" | "namespaces" | "fluxObjects" | "argoApplications";

const FIELDS: Array<{ field: Field; label: string; hint: string; placeholder: string }> = [
  { field: "labels", label: "Labels", hint: "key=value per line. Alerts carrying all of them map here.", placeholder: "app=payments-api\nnamespace=payments" },
  { field: "repositories", label: "Repositories", hint: "owner/repo per line: GitHub deploys, merges and releases.", placeholder: "demo-bank/payments-api" },
  { field: "namespaces", label: "Kubernetes namespaces", hint: "One per line: events from these namespaces.", placeholder: "payments" },
  { field: "fluxObjects", label: "Flux objects", hint: "Kind/namespace/name per line: Flux reconciliations.", placeholder: "Kustomization/flux-system/payments" },
  { field: "argoApplications", label: "Argo CD applications", hint: "One application name per line: Argo CD syncs.", placeholder: "payments-api-prod" },
];

const lines = (text: string) => parseRepositoryLines(text);

function initialText(service: ServiceView): Record<Field, string> {
  return {
    labels: Object.entries(service.labels)
      .map(([key, value]) => `${key}=${value}`)
      .join("\n"),
    repositories: service.repositories.join("\n"),
    namespaces: service.mappings.namespaces.join("\n"),
    fluxObjects: service.mappings.fluxObjects.join("\n"),
    argoApplications: service.mappings.argoApplications.join("\n"),
  };
}

/** 422 details name `mappings.fluxObjects.2` or `repositories.0`; show each beside its field. */
function fieldOf(path: string): Field | null {
  const parts = path.split(".");
  const name = parts[0] === "mappings" ? parts[1] : parts[0];
  return FIELDS.some((entry) => entry.field === name) ? (name as Field) : null;
}

/**
 * How ingest finds this service: labels, repositories, namespaces, Flux objects and Argo CD
 * applications. Saving also moves matching events that arrived unmapped onto the service.
 */
export function ServiceMappingsDialog({ service }: { service: ServiceView }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(() => initialText(service));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: unknown) => apiFetch<ServiceView>(`/api/v1/services/${encodeURIComponent(service.slug)}`, { method: "PATCH", body }),
    onSuccess: (saved) => {
      toast.success(`Mappings of ${saved.name} saved; earlier unmapped events that match now show on it.`);
      setOpen(false);
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 422) {
        const next: Partial<Record<Field, string>> = {};
        for (const detail of error.details ?? []) {
          const field = fieldOf(detail.field);
          if (field) next[field] ??= detail.message;
        }
        setErrors(next);
        setFormError("Some fields need attention.");
        return;
      }
      setFormError(error instanceof Error ? error.message : "Could not save the mappings.");
    },
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsedLabels = parseLabelLines(text.labels);
    if (parsedLabels.error) {
      setErrors({ labels: parsedLabels.error });
      return;
    }
    setErrors({});
    mutation.mutate({
      labels: parsedLabels.labels,
      repositories: lines(text.repositories),
      mappings: { namespaces: lines(text.namespaces), fluxObjects: lines(text.fluxObjects), argoApplications: lines(text.argoApplications) },
    });
  }

  const id = (field: Field) => `mappings-${service.slug}-${field}`;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setText(initialText(service));
        setErrors({});
        setFormError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" className="size-7 text-muted-foreground" title="How events find this service" aria-label={`Mappings of ${service.name}`}>
          <Waypoints aria-hidden />
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>How events find {service.name}</DialogTitle>
          <DialogDescription>
            Alerts and changes land on this service when a label named service, app or app.kubernetes.io/name equals its slug ({service.slug}), or when
            they match one of these.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {FIELDS.map(({ field, label, hint, placeholder }) => (
            <div key={field} className="flex flex-col gap-1.5">
              <Label htmlFor={id(field)}>{label}</Label>
              <Textarea
                id={id(field)}
                rows={Math.max(2, text[field].split("\n").length)}
                spellCheck={false}
                placeholder={placeholder}
                className="min-h-0 font-mono text-xs"
                value={text[field]}
                onChange={(event) => setText((current) => ({ ...current, [field]: event.target.value }))}
                aria-invalid={errors[field] ? true : undefined}
                aria-describedby={errors[field] ? `${id(field)}-error` : `${id(field)}-hint`}
              />
              <p id={`${id(field)}-hint`} className="text-xs text-muted-foreground">
                {hint}
              </p>
              <FieldError id={`${id(field)}-error`} message={errors[field]} />
            </div>
          ))}
          <FormAlert message={formError} />
          <DialogSubmitFooter pending={mutation.isPending} onCancel={() => setOpen(false)}>
            Save mappings
          </DialogSubmitFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
