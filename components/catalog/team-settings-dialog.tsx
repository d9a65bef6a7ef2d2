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
import { useCreateMutation } from "@/components/forms/use-create-mutation";

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
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState<number[]>(team.workingHours.days);
  const zones = useMemo(() => ["UTC", ...Intl.supportedValuesOf("timeZone")], []);
  const { mutation, fieldErrors, formError, reset } = useCreateMutation<TeamSettingsBody, TeamView>(`/api/v1/teams/${encodeURIComponent(team.slug)}`, {
    method: "PATCH",
    success: (saved) => `Team ${saved.name} saved`,
    onSuccess: () => setOpen(false),
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

  const id = (field: string) => `team-${team.slug}-${field}`;
  const invalid = (field: string) => (fieldErrors[field] ? { "aria-invalid": true as const, "aria-describedby": `${id(field)}-error` } : {});

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setDays(team.workingHours.days);
        else reset();
      }}
    >
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
            <Label htmlFor={id("name")}>Name</Label>
            <Input id={id("name")} name="name" required defaultValue={team.name} autoComplete="off" {...invalid("name")} />
            <FieldError id={`${id("name")}-error`} message={fieldErrors.name} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={id("description")}>Description</Label>
            <Textarea id={id("description")} name="description" rows={2} defaultValue={team.description ?? ""} {...invalid("description")} />
            <FieldError id={`${id("description")}-error`} message={fieldErrors.description} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={id("timeZone")}>Time zone</Label>
            <Input id={id("timeZone")} name="timeZone" list={id("zones")} required defaultValue={team.timeZone} autoComplete="off" placeholder="Europe/Oslo" {...invalid("timeZone")} />
            <datalist id={id("zones")}>
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <FieldError id={`${id("timeZone")}-error`} message={fieldErrors.timeZone} />
          </div>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1.5 text-sm font-medium">Working hours (in the team&rsquo;s time zone)</legend>
            <div className="grid grid-cols-2 gap-4">
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={id("start")}>From</Label>
                <Input id={id("start")} name="start" type="time" required defaultValue={team.workingHours.start} {...invalid("workingHours.start")} />
                <FieldError id={`${id("workingHours.start")}-error`} message={fieldErrors["workingHours.start"]} />
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={id("end")}>Until</Label>
                <Input id={id("end")} name="end" type="time" required defaultValue={team.workingHours.end} {...invalid("workingHours.end")} />
                <FieldError id={`${id("workingHours.end")}-error`} message={fieldErrors["workingHours.end"]} />
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
            <FieldError id={`${id("workingHours.days")}-error`} message={fieldErrors["workingHours.days"]} />
          </fieldset>
          <FormAlert message={formError} />
          <DialogSubmitFooter pending={mutation.isPending} onCancel={() => setOpen(false)} cancelWhilePending>
            Save
          </DialogSubmitFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
