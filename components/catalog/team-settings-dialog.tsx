"use client";

import { useMemo, useState } from "react";
import { Settings2 } from "lucide-react";
import type { TeamView } from "@/lib/services/catalog/views";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormDialog } from "@/components/forms/use-form-dialog";

/** ISO weekdays, Monday first, as the API takes them. */
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((label, index) => ({ day: index + 1, label }));

interface TeamSettingsBody {
  name: string;
  description: string | null;
  timeZone: string;
  workingHours: { start: string; end: string; days: number[] };
}

/**
 * A team's settings: name, description, and where and when it works. Insights count an
 * incident as off-hours when it starts outside the working hours of every team owning one
 * of its services, in each team's own time zone.
 */
export function TeamSettingsDialog({ team }: { team: TeamView }) {
  const [days, setDays] = useState<number[]>(team.workingHours.days);
  const zones = useMemo(() => ["UTC", ...Intl.supportedValuesOf("timeZone")], []);
  const { mutation, formError, dialog, close, fieldId, invalid, errorOf } = useFormDialog<TeamSettingsBody, TeamView>(`/api/v1/teams/${encodeURIComponent(team.slug)}`, {
    idPrefix: `team-${team.slug}`,
    method: "PATCH",
    success: (saved) => `Team ${saved.name} saved`,
    onOpen: () => setDays(team.workingHours.days),
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    mutation.mutate({
      name: text("name"),
      description: text("description") || null,
      timeZone: text("timeZone"),
      workingHours: { start: text("start"), end: text("end"), days },
    });
  }

  return (
    <Dialog {...dialog}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="h-7 px-2" aria-label={`Settings of ${team.name}`}>
          <Settings2 aria-hidden />
          Settings
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{team.name}: settings</DialogTitle>
          <DialogDescription>Insights count an incident as off-hours when it starts outside the working hours of every team that owns one of its services.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={fieldId("name")}>Name</Label>
            <Input id={fieldId("name")} name="name" required defaultValue={team.name} autoComplete="off" {...invalid("name")} />
            <FieldError {...errorOf("name")} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={fieldId("description")}>Description</Label>
            <Textarea id={fieldId("description")} name="description" rows={2} defaultValue={team.description ?? ""} {...invalid("description")} />
            <FieldError {...errorOf("description")} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={fieldId("timeZone")}>Time zone</Label>
            <Input id={fieldId("timeZone")} name="timeZone" list={fieldId("zones")} required defaultValue={team.timeZone} autoComplete="off" placeholder="Europe/Oslo" {...invalid("timeZone")} />
            <datalist id={fieldId("zones")}>
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <FieldError {...errorOf("timeZone")} />
          </div>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1.5 text-sm font-medium">Working hours (in the team&rsquo;s time zone)</legend>
            <div className="grid grid-cols-2 gap-4">
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={fieldId("start")}>From</Label>
                <Input id={fieldId("start")} name="start" type="time" required defaultValue={team.workingHours.start} {...invalid("workingHours.start")} />
                <FieldError {...errorOf("workingHours.start")} />
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={fieldId("end")}>Until</Label>
                <Input id={fieldId("end")} name="end" type="time" required defaultValue={team.workingHours.end} {...invalid("workingHours.end")} />
                <FieldError {...errorOf("workingHours.end")} />
              </div>
            </div>
            <div role="group" aria-label="Working days" className="flex flex-wrap gap-x-4 gap-y-2">
              {WEEKDAYS.map(({ day, label }) => (
                <label key={day} className="flex items-center gap-1.5 text-sm">
                  <Checkbox checked={days.includes(day)} onChange={(event) => setDays((current) => (event.target.checked ? [...current, day].sort((a, b) => a - b) : current.filter((d) => d !== day)))} />
                  {label}
                </label>
              ))}
            </div>
            <FieldError {...errorOf("workingHours.days")} />
          </fieldset>
          <FormAlert message={formError} />
          <DialogSubmitFooter pending={mutation.isPending} onCancel={close} cancelWhilePending>
            Save
          </DialogSubmitFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
