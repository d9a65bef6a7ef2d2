"use client";

import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/api-client";
import { Timestamp } from "@/components/time/timestamp";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { FieldError, fieldErrorsOf } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { checkKeyTimes, EDITABLE_KEY_TIMES, type EditableKeyTime, type KeyTimes } from "@/lib/core/incident-key-times";
import type { IncidentView } from "./incident-types";
import { incidentApiPath, useTimelineSync } from "./use-incident-timeline";

const LABELS: Record<EditableKeyTime, string> = {
  awareAt: "Aware",
  acknowledgedAt: "Acknowledged",
  mitigatedAt: "Mitigated",
  classifiedAt: "Classified",
};

const HINTS: Record<EditableKeyTime, string> = {
  awareAt: "When the organisation became aware of the incident.",
  acknowledgedAt: "When someone first picked the incident up.",
  mitigatedAt: "When the impact stopped, before the full fix.",
  classifiedAt: "When it was classified (e.g. as a major ICT-related incident).",
};

type Drafts = Record<EditableKeyTime, string>;

/** An input's "YYYY-MM-DDTHH:MM[:SS]" read as UTC; null for empty, undefined for nonsense. */
function parseUtcInput(value: string): Date | null | undefined {
  if (!value) return null;
  const date = new Date(`${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function toUtcInput(iso: string | null): string {
  return iso ? iso.slice(0, 19) : "";
}

function draftsOf(incident: IncidentView): Drafts {
  return Object.fromEntries(EDITABLE_KEY_TIMES.map((field) => [field, toUtcInput(incident[field])])) as Drafts;
}

/**
 * Lets a responder record the key times that happened without a status move (acknowledged
 * on the phone, mitigated before resolving). The inputs are in UTC, each with the viewer's
 * local time beneath; the order checks are the server's own, so errors show before saving.
 */
export function KeyTimesEditor({ incident }: { incident: IncidentView }) {
  const router = useRouter();
  const { refreshTail } = useTimelineSync(incident.ref);
  const [open, setOpen] = useState(false);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(incident));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [, startTransition] = useTransition();

  const original = draftsOf(incident);
  const changed = EDITABLE_KEY_TIMES.filter((field) => drafts[field] !== original[field]);

  async function save() {
    const problems: Record<string, string> = {};
    const values: Partial<Record<EditableKeyTime, Date | null>> = {};
    for (const field of changed) {
      const parsed = parseUtcInput(drafts[field]);
      if (parsed === undefined) problems[field] = "not a valid date and time";
      else values[field] = parsed;
    }
    const times: KeyTimes = {
      occurredAt: incident.occurredAt ? new Date(incident.occurredAt) : null,
      detectedAt: incident.detectedAt ? new Date(incident.detectedAt) : null,
      resolvedAt: incident.resolvedAt ? new Date(incident.resolvedAt) : null,
      ...(Object.fromEntries(EDITABLE_KEY_TIMES.map((field) => [field, field in values ? values[field] : parseUtcInput(original[field]) ?? null])) as Record<EditableKeyTime, Date | null>),
    };
    for (const problem of checkKeyTimes(times, changed.filter((field) => field in values), new Date())) problems[problem.field] ??= problem.message;
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    if (changed.length === 0) return setOpen(false);

    setSaving(true);
    try {
      const body = Object.fromEntries(changed.map((field) => [field, values[field]?.toISOString() ?? null]));
      await apiFetch<IncidentView>(incidentApiPath(incident.ref), { method: "PATCH", body });
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && error.status === 422 && error.details?.length) setErrors(fieldErrorsOf(error));
      else toast.error(error instanceof Error ? error.message : "The key times could not be saved.");
      return;
    }
    setSaving(false);
    setOpen(false);
    toast.success("Key times saved");
    startTransition(() => router.refresh());
    void refreshTail().catch(() => toast.error("The timeline could not be refreshed; reload the page to see the latest events."));
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setDrafts(draftsOf(incident));
          setErrors({});
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="h-7 gap-1 px-2 text-xs text-muted-foreground" aria-label="Edit key times">
          <Pencil aria-hidden className="size-3.5" />
          Edit
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90dvh] max-w-lg overflow-y-auto">
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <DialogHeader>
            <DialogTitle>Key times of {incident.ref}</DialogTitle>
            <DialogDescription>
              Enter times in UTC; your local time is shown beneath each. Leave a time empty when it is not known. Every change is audited and noted on the
              timeline.
            </DialogDescription>
          </DialogHeader>
          <p className="text-xs text-muted-foreground">
            Occurred <Timestamp value={incident.occurredAt} empty="not recorded" /> · Detected <Timestamp value={incident.detectedAt} empty="not recorded" />
            {incident.resolvedAt && (
              <>
                {" "}
                · Resolved <Timestamp value={incident.resolvedAt} />
              </>
            )}
          </p>
          {EDITABLE_KEY_TIMES.map((field) => {
            const id = `key-time-${field}`;
            const parsed = parseUtcInput(drafts[field]);
            return (
              <div key={field} className="flex flex-col gap-1.5">
                <Label htmlFor={id}>{LABELS[field]} (UTC)</Label>
                <div className="flex items-center gap-2">
                  <Input
                    id={id}
                    type="datetime-local"
                    step={1}
                    value={drafts[field]}
                    aria-invalid={errors[field] ? true : undefined}
                    aria-describedby={`${id}-hint${errors[field] ? ` ${id}-error` : ""}`}
                    onChange={(event) => setDrafts((current) => ({ ...current, [field]: event.target.value }))}
                    className="min-w-0 flex-1"
                  />
                  {drafts[field] && (
                    <Button type="button" variant="ghost" size="sm" aria-label={`Clear ${LABELS[field].toLowerCase()} time`} onClick={() => setDrafts((current) => ({ ...current, [field]: "" }))}>
                      Clear
                    </Button>
                  )}
                </div>
                <p id={`${id}-hint`} className="text-xs text-muted-foreground">
                  {parsed ? <Timestamp value={parsed} /> : "Not recorded"}. {HINTS[field]}
                </p>
                <FieldError id={`${id}-error`} message={errors[field] ? errors[field].replace(/^./, (c) => c.toUpperCase()) : undefined} />
              </div>
            );
          })}
          <DialogSubmitFooter pending={saving} submitDisabled={changed.length === 0} onCancel={() => setOpen(false)} cancelVariant="ghost" cancelWhilePending>
            Save key times
          </DialogSubmitFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
