"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { PagerDutyDirectoryView } from "@/lib/services/paging/views";

export interface MappableService {
  slug: string;
  name: string;
  pagerdutyServiceId: string | null;
  escalationPolicyId: string | null;
}

/**
 * Each Logbook service picks its PagerDuty service from the list PagerDuty gives; the
 * service's escalation policy comes with it (whose on-call the incident page shows).
 */
export function PagerDutyServiceMapping({ services }: { services: MappableService[] }) {
  const router = useRouter();
  const [saving, setSaving] = useState<string | null>(null);
  const directory = useQuery({ queryKey: ["pagerduty-directory"], queryFn: ({ signal }) => apiFetch<PagerDutyDirectoryView>("/api/v1/pagerduty-connection/directory", { signal }), retry: false });
  const save = useMutation({
    mutationFn: ({ slug, id }: { slug: string; id: string }) => {
      const chosen = directory.data?.services.find((s) => s.id === id);
      return apiFetch(`/api/v1/services/${encodeURIComponent(slug)}`, { method: "PATCH", body: { pagerdutyServiceId: chosen?.id ?? null, escalationPolicyId: chosen?.escalationPolicy?.id ?? null } });
    },
    onMutate: ({ slug }) => setSaving(slug),
    onSettled: () => setSaving(null),
    onSuccess: (_data, { slug, id }) => {
      toast.success(id ? `${slug} pages through PagerDuty` : `${slug} no longer pages`);
      router.refresh();
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : "Could not save the mapping."),
  });

  if (directory.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
        <LoaderCircle aria-hidden className="size-4 animate-spin" /> Loading PagerDuty&rsquo;s services…
      </p>
    );
  }
  if (directory.isError) return <p role="alert" className="text-sm text-destructive">PagerDuty&rsquo;s services could not be listed: {(directory.error as Error).message}</p>;
  if (services.length === 0) return <p className="text-sm text-muted-foreground">No services in the catalogue yet.</p>;
  return (
    <ul aria-label="Service mapping" className="flex flex-col divide-y divide-border rounded-md border border-border">
      {services.map((service) => (
        <li key={service.slug} className="flex flex-col gap-1.5 px-3 py-2 sm:flex-row sm:items-center sm:justify-between">
          <Label htmlFor={`pd-${service.slug}`} className="font-medium">
            {service.name} <span className="font-mono text-xs font-normal text-muted-foreground">{service.slug}</span>
          </Label>
          <div className="flex items-center gap-2">
            {saving === service.slug && <LoaderCircle aria-label="Saving" className="size-3.5 animate-spin text-muted-foreground" />}
            <NativeSelect
              id={`pd-${service.slug}`}
              className="w-64"
              value={service.pagerdutyServiceId ?? ""}
              disabled={saving !== null}
              onChange={(event) => save.mutate({ slug: service.slug, id: event.target.value })}
            >
              <option value="">Not in PagerDuty</option>
              {directory.data.services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.escalationPolicy ? ` — ${s.escalationPolicy.name}` : ""}
                </option>
              ))}
            </NativeSelect>
          </div>
        </li>
      ))}
    </ul>
  );
}
