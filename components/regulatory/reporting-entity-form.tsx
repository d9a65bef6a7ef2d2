"use client";

import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { ENTITY_TYPES, MEMBER_STATES, REPORT_CURRENCIES, type ReportingEntity } from "@/lib/regulatory/regimes";

const ENTITY_TYPE_LABELS: Record<(typeof ENTITY_TYPES)[number], string> = {
  credit_institution: "Credit institution",
  payment_institution: "Payment institution",
  e_money_institution: "E-money institution",
  investment_firm: "Investment firm",
  insurance_undertaking: "Insurance undertaking",
  central_counterparty: "Central counterparty",
  trading_venue: "Trading venue",
  other: "Other financial entity",
};

interface EntityForm {
  name: string;
  lei: string;
  entityType: ReportingEntity["entityType"];
  country: string;
  competentAuthority: string;
  contacts: Array<{ name: string; email: string; phone: string }>;
  parentName: string;
  parentLei: string;
  significant: boolean;
  currency: string;
}

function formOf(entity: ReportingEntity | null): EntityForm {
  return {
    name: entity?.name ?? "",
    lei: entity?.lei ?? "",
    entityType: entity?.entityType ?? "credit_institution",
    country: entity?.country ?? "DK",
    competentAuthority: entity?.competentAuthority ?? "",
    contacts: entity?.contacts.map((c) => ({ name: c.name, email: c.email, phone: c.phone ?? "" })) ?? [{ name: "", email: "", phone: "" }],
    parentName: entity?.parentUndertaking?.name ?? "",
    parentLei: entity?.parentUndertaking?.lei ?? "",
    significant: entity?.significant ?? false,
    currency: entity?.currency ?? "",
  };
}

function bodyOf(form: EntityForm) {
  return {
    name: form.name,
    lei: form.lei.trim() || null,
    entityType: form.entityType,
    country: form.country,
    competentAuthority: form.competentAuthority,
    contacts: form.contacts.map((c) => ({ name: c.name, email: c.email, phone: c.phone.trim() || null })),
    parentUndertaking: form.parentName.trim() ? { name: form.parentName, lei: form.parentLei.trim() || null } : null,
    significant: form.significant,
    ...(form.currency ? { currency: form.currency } : {}),
  };
}

/**
 * The reporting-entity profile (PUT /api/v1/regulatory/entity): its Member State's calendar
 * moves deadlines, its type and significance decide the weekend relief, and it fills
 * section 1 of every report. Compliance or admin edit it; everyone else reads it.
 */
export function ReportingEntityForm({ entity, canEdit }: { entity: ReportingEntity | null; canEdit: boolean }) {
  const router = useRouter();
  const [form, setForm] = useState<EntityForm>(() => formOf(entity));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const set = <K extends keyof EntityForm>(key: K, value: EntityForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setContact = (index: number, key: "name" | "email" | "phone", value: string) =>
    setForm((f) => ({ ...f, contacts: f.contacts.map((c, i) => (i === index ? { ...c, [key]: value } : c)) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setErrors({});
    try {
      await apiFetch("/api/v1/regulatory/entity", { method: "PUT", body: bodyOf(form) });
      toast.success("Reporting entity saved");
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.details?.length) {
        const byField: Record<string, string> = {};
        for (const d of error.details) byField[d.field] ??= d.message;
        setErrors(byField);
      } else toast.error(error instanceof Error ? error.message : "The reporting entity could not be saved.");
    } finally {
      setPending(false);
    }
  }

  const field = (id: string, label: string, key: "name" | "lei" | "competentAuthority" | "parentName" | "parentLei", error: string | undefined, hint?: string) => (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} value={form[key]} onChange={(e) => set(key, e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error ? <FieldError id={`${id}-error`} message={`${label} ${error}`} /> : hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
    </div>
  );

  return (
    <form onSubmit={submit} className="flex max-w-3xl flex-col gap-6">
      <fieldset disabled={!canEdit || pending} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">The financial entity (template section 1)</legend>
        {field("entity-name", "Name", "name", errors.name)}
        {field("entity-lei", "LEI", "lei", errors.lei, "20 characters (ISO 17442); optional")}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="entity-type">Type of entity</Label>
          <NativeSelect id="entity-type" value={form.entityType} onChange={(e) => set("entityType", e.target.value as EntityForm["entityType"])}>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {ENTITY_TYPE_LABELS[t]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="entity-country">Member State</Label>
          <NativeSelect id="entity-country" value={form.country} onChange={(e) => set("country", e.target.value)} aria-invalid={errors.country ? true : undefined} aria-describedby="entity-country-hint">
            {MEMBER_STATES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </NativeSelect>
          <p id="entity-country-hint" className={errors.country ? "text-xs font-medium text-destructive" : "text-xs text-muted-foreground"}>
            {errors.country ? `Member State ${errors.country}` : "Its bank holidays move deadlines to 12:00 of the next working day."}
          </p>
        </div>
        {field("entity-authority", "Competent authority", "competentAuthority", errors.competentAuthority)}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="entity-currency">Reporting currency</Label>
          <NativeSelect id="entity-currency" value={form.currency} onChange={(e) => set("currency", e.target.value)}>
            <option value="">The Member State&apos;s currency</option>
            {REPORT_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex items-start gap-2 sm:col-span-2">
          <Checkbox id="entity-significant" checked={form.significant} onChange={(e) => set("significant", e.target.checked)} className="mt-0.5" />
          <Label htmlFor="entity-significant" className="font-normal leading-snug">
            Identified as significant by the authority (no weekend or holiday relief for initial and intermediate reports, Delegated Regulation (EU) 2025/301 Art. 5(5))
          </Label>
        </div>
      </fieldset>
      <fieldset disabled={!canEdit || pending} className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-semibold">Contacts the authority can reach</legend>
        {errors.contacts && <FieldError id="entity-contacts-error" message={`Contacts: ${errors.contacts}`} />}
        {form.contacts.map((contact, i) => (
          <div key={i} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_1fr_auto]">
            {(["name", "email", "phone"] as const).map((key) => {
              const id = `entity-contact-${i}-${key}`;
              const error = errors[`contacts.${i}.${key}`];
              const label = { name: "Name", email: "Email", phone: "Phone" }[key];
              return (
                <div key={key} className="flex flex-col gap-1.5">
                  <Label htmlFor={id}>
                    {label} <span className="sr-only">of contact {i + 1}</span>
                  </Label>
                  <Input id={id} type={key === "email" ? "email" : key === "phone" ? "tel" : "text"} value={contact[key]} onChange={(e) => setContact(i, key, e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
                  <FieldError id={`${id}-error`} message={error ? `${label} ${error}` : undefined} />
                </div>
              );
            })}
            <Button type="button" variant="ghost" size="icon" aria-label={`Remove contact ${i + 1}`} disabled={form.contacts.length === 1} onClick={() => set("contacts", form.contacts.filter((_, j) => j !== i))}>
              <Trash2 aria-hidden className="size-4" />
            </Button>
          </div>
        ))}
        {canEdit && form.contacts.length < 10 && (
          <Button type="button" variant="outline" size="sm" className="w-fit gap-1.5" onClick={() => set("contacts", [...form.contacts, { name: "", email: "", phone: "" }])}>
            <Plus aria-hidden className="size-3.5" />
            Add a contact
          </Button>
        )}
      </fieldset>
      <fieldset disabled={!canEdit || pending} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Parent undertaking (if any)</legend>
        {field("entity-parent-name", "Parent name", "parentName", errors["parentUndertaking.name"])}
        {field("entity-parent-lei", "Parent LEI", "parentLei", errors["parentUndertaking.lei"])}
      </fieldset>
      {canEdit && (
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save reporting entity"}
          </Button>
        </div>
      )}
    </form>
  );
}
