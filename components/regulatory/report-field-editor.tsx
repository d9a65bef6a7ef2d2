"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { fieldAtPath, type ReportField } from "@/lib/regulatory/dora-ir-fields";
import { reportCatalogue } from "@/lib/regulatory/report-catalogue";
import { contentPatch, fieldEditable, formValueOf, withFieldValue, type FieldFormValue } from "@/lib/regulatory/report-edit";
import { nextReportType, REPORT_TYPE_LABELS, type Regime, type ReportType } from "@/lib/regulatory/regimes";
import type { ReportValidationError } from "@/lib/regulatory/validate-report";

/**
 * The report's template fields, grouped as the template groups them: an input per field
 * by its type, the validation error next to it, and what the next report type will still
 * need. Saving hands over only what changed, as a partial merge for PATCH /reports/{id}.
 */

interface ReportFieldEditorProps {
  regime: Regime;
  type: ReportType;
  content: Record<string, unknown>;
  errors: ReportValidationError[];
  /** what the next report type still lacks (the report view's nextReport.errors) */
  nextErrors: ReportValidationError[];
  readOnly: boolean;
  onSave: (patch: Record<string, unknown>) => void | Promise<void>;
  saving?: boolean;
}

const PLACEHOLDERS: Partial<Record<ReportField["type"], string>> = {
  duration: "DDD:HH:MM, e.g. 001:04:30",
  lei: "20 characters, e.g. 5493001KJTIIGC8Y1R12",
  phone: "+45 33 12 34 56",
  email: "name@example.com",
};

function messagesByField(fields: ReportField[], errors: ReportValidationError[]): { byCode: Map<string, string[]>; general: string[] } {
  const byCode = new Map<string, string[]>();
  const general: string[] = [];
  for (const e of errors) {
    const f = fieldAtPath(fields, e.path);
    if (f) byCode.set(f.code, [...(byCode.get(f.code) ?? []), e.message]);
    else general.push(e.message);
  }
  return { byCode, general };
}

function FieldInput({ field, id, value, disabled, invalid, describedBy, onChange }: { field: ReportField; id: string; value: FieldFormValue; disabled: boolean; invalid: boolean; describedBy: string | undefined; onChange: (v: FieldFormValue) => void }) {
  const common = { id, disabled, "aria-invalid": invalid || undefined, "aria-describedby": describedBy };
  const text = typeof value === "string" ? value : "";
  if (field.type === "enum[]") {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <div role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} className="grid grid-cols-1 gap-1.5 sm:grid-cols-2">
        {(field.options ?? []).map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm">
            <Checkbox
              className="mt-0.5"
              disabled={disabled}
              checked={chosen.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    );
  }
  if (field.type === "enum" || field.type === "boolean") {
    const options = field.type === "boolean" ? [{ value: "true", label: "Yes" }, { value: "false", label: "No" }] : (field.options ?? []);
    return (
      <NativeSelect {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">Not stated</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    );
  }
  if (field.type === "text") return <Textarea {...common} rows={3} value={text} onChange={(e) => onChange(e.target.value)} />;
  if (field.type === "date-time") return <Input {...common} type="datetime-local" value={text} onChange={(e) => onChange(e.target.value)} />;
  if (field.type === "number" || field.type === "integer" || field.type === "percentage") {
    return <Input {...common} type="number" inputMode="decimal" min={0} max={field.type === "percentage" ? 100 : undefined} step={field.type === "integer" ? 1 : "any"} value={text} onChange={(e) => onChange(e.target.value)} />;
  }
  return <Input {...common} type={field.type === "email" ? "email" : field.type === "phone" ? "tel" : "text"} placeholder={PLACEHOLDERS[field.type]} value={text} onChange={(e) => onChange(e.target.value)} />;
}

function Messages({ id, errors, next, nextLabel }: { id: string; errors: string[]; next: string[]; nextLabel: string | null }): ReactNode {
  if (!errors.length && !next.length) return null;
  return (
    <div id={id} className="space-y-0.5">
      {errors.map((m, i) => (
        <p key={`e${i}`} className="text-xs font-medium text-destructive">
          {m}
        </p>
      ))}
      {nextLabel
        ? next.map((m, i) => (
            <p key={`n${i}`} className="text-xs text-muted-foreground">
              Still required for the {nextLabel}: {m}
            </p>
          ))
        : null}
    </div>
  );
}

export function ReportFieldEditor({ regime, type, content, errors, nextErrors, readOnly, onSave, saving = false }: ReportFieldEditorProps) {
  // The draft follows the stored content until the preparer edits; a saved (refetched) content starts a new draft.
  const [edit, setEdit] = useState<{ base: Record<string, unknown>; draft: Record<string, unknown> }>({ base: content, draft: content });
  const draft = edit.base === content ? edit.draft : content;
  const catalogue = reportCatalogue(regime);
  const patch = contentPatch(content, draft);
  const changed = Object.keys(patch).length > 0;
  const current = messagesByField(catalogue.fields, errors);
  const upcoming = messagesByField(catalogue.fields, nextErrors);
  const next = nextReportType(regime, type);
  const nextLabel = next ? (REPORT_TYPE_LABELS[regime][next]?.toLowerCase() ?? next) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (changed && !readOnly) void onSave(patch);
  }

  return (
    <form onSubmit={submit} className="space-y-6" aria-label={`${REPORT_TYPE_LABELS[regime][type] ?? type} fields`}>
      {current.general.length ? (
        <div role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
          {current.general.map((m, i) => (
            <p key={i} className="text-destructive">
              {m}
            </p>
          ))}
        </div>
      ) : null}
      {nextLabel && upcoming.general.length ? (
        <div className="rounded-md border bg-muted/40 p-3 text-sm text-muted-foreground">
          <p className="font-medium text-foreground">Still required for the {nextLabel}:</p>
          <ul className="mt-1 list-disc pl-5">
            {upcoming.general.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {catalogue.groups.map((group) => {
        const fields = catalogue.fields.filter((f) => f.group === group.id);
        const problems = fields.reduce((n, f) => n + (current.byCode.get(f.code)?.length ?? 0), 0);
        return (
          <details key={group.id} open className="rounded-lg border">
            <summary className="flex cursor-pointer items-center gap-2 px-4 py-3 font-medium">
              <span>
                {group.id}. {group.title}
              </span>
              {problems ? <Badge variant="destructive">{problems === 1 ? "1 problem" : `${problems} problems`}</Badge> : null}
            </summary>
            <div className="divide-y border-t">
              {fields.map((field) => {
                const id = `report-field-${field.code.replaceAll(".", "-")}`;
                const fieldErrors = current.byCode.get(field.code) ?? [];
                const nextMessages = upcoming.byCode.get(field.code) ?? [];
                const editable = fieldEditable(field, draft);
                const describedBy = fieldErrors.length || nextMessages.length ? `${id}-messages` : undefined;
                const required = field.requiredFor.includes(type);
                return (
                  <div key={field.code} className="grid gap-2 px-4 py-3 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
                    <div className="space-y-1">
                      <label id={`${id}-label`} htmlFor={field.type === "enum[]" ? undefined : id} className="text-sm font-medium">
                        <span className="mr-2 font-mono text-xs text-muted-foreground">{field.code}</span>
                        {field.name}
                      </label>
                      <div className="flex flex-wrap gap-1">
                        {required ? <Badge variant="outline">Required</Badge> : null}
                        {field.requiredWhen && !required ? <span className="text-xs text-muted-foreground">Required {field.requiredWhen}</span> : null}
                      </div>
                    </div>
                    <div className="space-y-1">
                      <FieldInput
                        field={field}
                        id={id}
                        value={formValueOf(field, draft)}
                        disabled={readOnly || !editable}
                        invalid={fieldErrors.length > 0}
                        describedBy={describedBy}
                        onChange={(value) => setEdit({ base: content, draft: withFieldValue(draft, field, value) })}
                      />
                      {!editable ? <p className="text-xs text-muted-foreground">Choose this criterion in field 2.5 first.</p> : null}
                      <Messages id={`${id}-messages`} errors={fieldErrors} next={nextMessages} nextLabel={nextLabel} />
                    </div>
                  </div>
                );
              })}
            </div>
          </details>
        );
      })}
      {readOnly ? null : (
        <div className="sticky bottom-0 flex items-center justify-end gap-3 border-t bg-background/95 py-3">
          <span className="text-sm text-muted-foreground" aria-live="polite">
            {changed ? `${Object.keys(patch).length === 1 ? "1 section" : `${Object.keys(patch).length} sections`} changed` : "No unsaved changes"}
          </span>
          <Button type="button" variant="outline" disabled={!changed || saving} onClick={() => setEdit({ base: content, draft: content })}>
            Discard
          </Button>
          <Button type="submit" disabled={!changed || saving}>
            {saving ? "Saving…" : "Save"}
          </Button>
        </div>
      )}
    </form>
  );
}
