"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Loader2 } from "lucide-react";
import { toast } from "sonner";
import { SEVERITIES, SEVERITY_LABELS, type Severity } from "@/lib/core/severity";
import { ApiError, apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { FieldError, fieldErrorsOf } from "@/components/ui/field-error";

interface DeclaredIncident {
  ref: string;
}

/** A datetime-local value is wall-clock time in the viewer's zone; the API wants ISO UTC. */
function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function DeclareIncidentForm({ services }: { services: Array<{ slug: string; name: string; team: string | null }> }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Keyboard and screen-reader users land on the first field that needs fixing.
  useEffect(() => {
    if (Object.keys(errors).length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const occurredAtInput = String(form.get("occurredAt") ?? "");
    const occurredAt = localInputToIso(occurredAtInput);
    const title = String(form.get("title") ?? "").trim();
    const clientErrors: Record<string, string> = {};
    if (!title) clientErrors.title = "Give the incident a title.";
    if (occurredAtInput && !occurredAt) clientErrors.occurredAt = "Enter a valid date and time.";
    setErrors(clientErrors);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0) return;
    setPending(true);
    try {
      const summary = String(form.get("summary") ?? "");
      const incident = await apiFetch<DeclaredIncident>("/api/v1/incidents", {
        method: "POST",
        body: {
          title,
          severity: String(form.get("severity")) as Severity,
          summary: summary.trim() ? summary : undefined,
          services: form.getAll("services").map(String),
          occurredAt,
        },
      });
      toast.success(`${incident.ref} declared`);
      router.push(`/incidents/${incident.ref}`);
    } catch (error) {
      setPending(false);
      if (error instanceof ApiError && error.status === 422) {
        setErrors(fieldErrorsOf(error));
        setFormError("Some fields need attention.");
      } else {
        const message = error instanceof Error ? error.message : "Could not declare the incident.";
        setFormError(message);
        toast.error(message);
      }
    }
  }

  const describedBy = (field: string) => (errors[field] ? `${field}-error` : undefined);

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="title">Title</Label>
        <Input
          id="title"
          name="title"
          required
          maxLength={200}
          autoFocus
          placeholder="e.g. Card payments failing for Visa debit"
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy("title")}
        />
        <FieldError id="title-error" message={errors.title} />
      </div>

      <div className="grid gap-6 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="severity">Severity</Label>
          <NativeSelect id="severity" name="severity" defaultValue="SEV3" aria-invalid={errors.severity ? true : undefined} aria-describedby={describedBy("severity")}>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severity} — {SEVERITY_LABELS[severity]}
              </option>
            ))}
          </NativeSelect>
          <FieldError id="severity-error" message={errors.severity} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="occurredAt">Occurred at</Label>
          <Input
            id="occurredAt"
            name="occurredAt"
            type="datetime-local"
            step={1}
            aria-invalid={errors.occurredAt ? true : undefined}
            aria-describedby={describedBy("occurredAt") ?? "occurredAt-hint"}
          />
          <p id="occurredAt-hint" className="text-xs text-muted-foreground">
            Optional. In your local time; leave empty if it started now.
          </p>
          <FieldError id="occurredAt-error" message={errors.occurredAt} />
        </div>
      </div>

      <div className="flex flex-col gap-1.5">
        <Label htmlFor="summary">Summary</Label>
        <Textarea
          id="summary"
          name="summary"
          rows={6}
          placeholder="What is happening, who is affected, what do we know so far? Markdown is supported."
          aria-invalid={errors.summary ? true : undefined}
          aria-describedby={describedBy("summary") ?? "summary-hint"}
        />
        <p id="summary-hint" className="text-xs text-muted-foreground">
          Markdown supported.
        </p>
        <FieldError id="summary-error" message={errors.summary} />
      </div>

      <fieldset className="flex flex-col gap-2" aria-describedby={describedBy("services")}>
        <legend className="mb-2 text-sm font-medium">Services</legend>
        {services.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No services in the catalogue yet. <Link href="/services" className="text-primary hover:underline">Add one</Link> to link incidents to it.
          </p>
        ) : (
          <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
            {services.map((service) => (
              <label
                key={service.slug}
                htmlFor={`service-${service.slug}`}
                className="flex cursor-pointer items-center gap-2.5 rounded-md border border-border px-3 py-2 text-sm transition-colors hover:bg-muted/50 has-[:checked]:border-primary/40 has-[:checked]:bg-accent"
              >
                <Checkbox id={`service-${service.slug}`} name="services" value={service.slug} />
                <span className="flex min-w-0 flex-col leading-tight">
                  <span className="font-medium">{service.name}</span>
                  <span aria-hidden className="truncate font-mono text-[11px] text-muted-foreground">
                    {service.slug}
                    {service.team ? ` · ${service.team}` : ""}
                  </span>
                </span>
              </label>
            ))}
          </div>
        )}
        <FieldError id="services-error" message={errors.services} />
      </fieldset>

      {formError && (
        <div role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          {formError}
        </div>
      )}

      <div className="flex items-center gap-3 border-t border-border pt-5">
        <Button type="submit" disabled={pending}>
          {pending && <Loader2 aria-hidden className="animate-spin" />}
          Declare incident
        </Button>
        <Button asChild variant="ghost">
          <Link href="/incidents">Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
