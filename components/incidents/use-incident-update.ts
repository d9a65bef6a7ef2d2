"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/api-client";
import type { IncidentStatus } from "@/lib/core/incident-lifecycle";
import type { Severity } from "@/lib/core/severity";
import type { IncidentView } from "./incident-types";
import { incidentApiPath, useTimelineSync } from "./use-incident-timeline";

export interface IncidentPatch {
  title?: string;
  summary?: string;
  status?: IncidentStatus;
  severity?: Severity;
  commander?: string | null;
  communications?: string | null;
  scribe?: string | null;
  services?: string[];
}

export type IncidentField = keyof IncidentPatch;

/** What to tell the user: the API's own message (a 409 explains the illegal transition). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

/**
 * PATCHes the incident, then refreshes the server-rendered header and the timeline (the
 * change adds automatic events). `pendingValue(field)` is the value being applied, kept
 * until the refreshed page arrives so a select never flicks back to the old value.
 */
export function useIncidentUpdate(ref: string) {
  const router = useRouter();
  const { refreshTail } = useTimelineSync(ref);
  const [isRefreshing, startTransition] = useTransition();
  const [pending, setPending] = useState<{ field: IncidentField; value: unknown; phase: "saving" | "refreshing" } | null>(null);

  const mutation = useMutation({
    mutationFn: (patch: IncidentPatch) => apiFetch<IncidentView>(incidentApiPath(ref), { method: "PATCH", body: patch }),
  });

  async function apply<F extends IncidentField>(field: F, value: IncidentPatch[F], successMessage: string): Promise<boolean> {
    setPending({ field, value, phase: "saving" });
    try {
      await mutation.mutateAsync({ [field]: value });
    } catch (error) {
      setPending(null);
      toast.error(errorMessage(error));
      // A conflict means the page is out of date (someone else moved the incident on): show the truth.
      if (error instanceof ApiError && error.status === 409) startTransition(() => router.refresh());
      return false;
    }
    toast.success(successMessage);
    setPending({ field, value, phase: "refreshing" });
    startTransition(() => router.refresh());
    void refreshTail().catch(() => toast.error("The timeline could not be refreshed; reload the page to see the latest events."));
    return true;
  }

  const active = pending && (pending.phase === "saving" || isRefreshing) ? pending : null;
  return {
    apply,
    isPending: (field: IncidentField) => active?.field === field,
    pendingValue: <F extends IncidentField>(field: F): IncidentPatch[F] | undefined =>
      active?.field === field ? (active.value as IncidentPatch[F]) : undefined,
  };
}
