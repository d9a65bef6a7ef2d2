"use client";

import { LoaderCircle } from "lucide-react";
import { useId } from "react";
import { cn } from "@/components/ui/class-names";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { statusLabel } from "@/components/status-badge";
import { allowedNextStatuses, type IncidentStatus } from "@/lib/core/incident-lifecycle";
import { INCIDENT_ROLES, INCIDENT_ROLE_LABELS, type IncidentRole } from "@/lib/core/incident-roles";
import { SEVERITIES, SEVERITY_LABELS, type Severity } from "@/lib/core/severity";
import type { IncidentView, MemberSummary, ServiceOption } from "./incident-types";
import { ServicesEditor } from "./services-editor";
import { useIncidentUpdate } from "./use-incident-update";

export interface IncidentControlsProps {
  incident: IncidentView;
  members: MemberSummary[];
  services: ServiceOption[];
}

/** Status, severity, roles and services, for roles that may change the incident. */
export function IncidentControls({ incident, members, services }: IncidentControlsProps) {
  const update = useIncidentUpdate(incident.ref);
  const status = update.pendingValue("status") ?? incident.status;
  const statusOptions: IncidentStatus[] = [incident.status, ...allowedNextStatuses(incident.status)];
  const isFinal = statusOptions.length === 1;

  return (
    <div className="grid grid-cols-1 gap-x-3 gap-y-4 sm:grid-cols-3 lg:grid-cols-1">
      <Field label="Status" pending={update.isPending("status")} hint={isFinal ? "A closed incident is final." : undefined}>
        {(id) => (
          <NativeSelect
            id={id}
            value={status}
            disabled={isFinal || update.isPending("status")}
            onChange={(event) => {
              const next = event.target.value as IncidentStatus;
              if (next === incident.status) return;
              void update.apply("status", next, `Status changed to ${statusLabel(next)}`);
            }}
          >
            {statusOptions.map((option) => (
              <option key={option} value={option}>
                {statusLabel(option)}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>

      <Field label="Severity" pending={update.isPending("severity")}>
        {(id) => (
          <NativeSelect
            id={id}
            value={update.pendingValue("severity") ?? incident.severity}
            disabled={update.isPending("severity")}
            onChange={(event) => {
              const next = event.target.value as Severity;
              if (next === incident.severity) return;
              void update.apply("severity", next, `Severity changed to ${next}`);
            }}
          >
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severity} · {SEVERITY_LABELS[severity]}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>

      {INCIDENT_ROLES.map((role) => (
        <RoleSelect key={role} role={role} incident={incident} members={members} update={update} />
      ))}

      <ServicesEditor
        className="col-span-full"
        current={update.pendingValue("services") ?? incident.services}
        options={services}
        pending={update.isPending("services")}
        onSave={(slugs) => update.apply("services", slugs, "Affected services updated")}
      />
    </div>
  );
}

function RoleSelect({
  role,
  incident,
  members,
  update,
}: {
  role: IncidentRole;
  incident: IncidentView;
  members: MemberSummary[];
  update: ReturnType<typeof useIncidentUpdate>;
}) {
  const label = INCIDENT_ROLE_LABELS[role];
  const holder = incident.roles[role];
  const pendingValue = update.pendingValue(role);
  const value = pendingValue !== undefined ? (pendingValue ?? "") : (holder?.id ?? "");
  // A holder who has since left the organisation is still shown, not silently dropped.
  const options = holder && !members.some((m) => m.userId === holder.id) ? [{ userId: holder.id, name: holder.name, email: holder.email }, ...members] : members;
  return (
    <Field label={label} pending={update.isPending(role)}>
      {(id) => (
        <NativeSelect
          id={id}
          value={value}
          disabled={update.isPending(role)}
          onChange={(event) => {
            const userId = event.target.value || null;
            if (userId === (holder?.id ?? null)) return;
            const person = options.find((m) => m.userId === userId);
            void update.apply(role, userId, person ? `${person.name || person.email} is now ${label.toLowerCase()}` : `${label} unassigned`);
          }}
        >
          <option value="">Unassigned</option>
          {options.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.name || member.email}
            </option>
          ))}
        </NativeSelect>
      )}
    </Field>
  );
}

interface FieldProps {
  label: string;
  pending: boolean;
  hint?: string;
  className?: string;
  children: (id: string) => React.ReactNode;
}

function Field({ label, pending, hint, className, children }: FieldProps) {
  const id = useId();
  return (
    <div className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      <div className="flex items-center justify-between gap-2">
        <Label htmlFor={id} className="text-xs font-medium text-muted-foreground">
          {label}
        </Label>
        {pending && (
          <span role="status" className="flex items-center gap-1 text-xs text-muted-foreground">
            <LoaderCircle aria-hidden className="size-3 animate-spin" />
            Saving…
          </span>
        )}
      </div>
      {children(id)}
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
    </div>
  );
}
