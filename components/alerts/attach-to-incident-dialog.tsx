"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link2, Loader2 } from "lucide-react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { FormAlert } from "@/components/forms/form-alert";
import type { AlertView } from "./alert-types";
import { TRIAGE_ALERTS_KEY } from "./alert-query-keys";

export interface OpenIncidentOption {
  ref: string;
  title: string;
  severity: string;
  services: string[];
}

/** Puts a triaged alert on an open incident the responder picks. */
export function AttachToIncidentDialog({ alert, incidents }: { alert: AlertView; incidents: OpenIncidentOption[] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  // Suggest an incident already on the alert's service.
  const suggested = incidents.find((incident) => alert.service && incident.services.includes(alert.service))?.ref ?? incidents[0]?.ref ?? "";
  const [choice, setChoice] = useState(suggested);
  const mutation = useMutation({
    mutationFn: (ref: string) => apiFetch<AlertView>(`/api/v1/incidents/${encodeURIComponent(ref)}/alerts`, { method: "POST", body: { alertId: alert.id } }),
    onSuccess: (_attached, ref) => {
      toast.success(`${alert.name} attached to ${ref}`);
      void queryClient.invalidateQueries({ queryKey: TRIAGE_ALERTS_KEY });
      setOpen(false);
      router.refresh();
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : "Could not attach the alert."),
  });
  const selectId = `attach-${alert.id}-incident`;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setChoice(suggested);
        else mutation.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          <Link2 aria-hidden />
          Attach to incident…
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Attach {alert.name} to an incident</DialogTitle>
          <DialogDescription>The alert leaves triage and shows on the incident&apos;s timeline. Further firings of it stay with that incident.</DialogDescription>
        </DialogHeader>
        {incidents.length === 0 ? (
          <p className="text-sm text-muted-foreground">There are no open incidents. Declare one from the alert instead.</p>
        ) : (
          <form
            id={`${selectId}-form`}
            className="flex flex-col gap-1.5"
            onSubmit={(event) => {
              event.preventDefault();
              if (choice) mutation.mutate(choice);
            }}
          >
            <Label htmlFor={selectId}>Incident</Label>
            <NativeSelect id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
              {incidents.map((incident) => (
                <option key={incident.ref} value={incident.ref}>
                  {incident.ref} · {incident.severity} · {incident.title}
                </option>
              ))}
            </NativeSelect>
          </form>
        )}
        <FormAlert message={mutation.error ? (mutation.error as Error).message : null} />
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={mutation.isPending}>
            Cancel
          </Button>
          {incidents.length > 0 && (
            <Button type="submit" form={`${selectId}-form`} disabled={mutation.isPending || !choice}>
              {mutation.isPending && <Loader2 aria-hidden className="animate-spin" />}
              Attach alert
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
