"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, Scale, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/api-client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { classifyDora, DATA_LOSS_TYPES, REPUTATIONAL_IMPACTS, type DoraCriteria } from "@/lib/regulatory/dora-classification";
import { classifyGdpr, RISKS_TO_RIGHTS } from "@/lib/regulatory/gdpr-classification";
import { classifyNis2 } from "@/lib/regulatory/nis2-classification";
import type { Regime } from "@/lib/regulatory/regimes";
import type { ClassificationDefaults, ClassificationView } from "@/lib/services/regulatory/views";
import { incidentClocksKey } from "./incident-deadline-clocks";

const CRITERION_LABELS: Record<string, string> = {
  critical_services_affected: "Critical or important functions' services affected",
  clients_financial_counterparts_and_transactions_affected: "Clients, financial counterparts and transactions",
  reputational_impact: "Reputational impact",
  duration_and_service_downtime: "Duration and service downtime",
  geographical_spread: "Geographical spread",
  data_losses: "Data losses",
  economic_impact: "Economic impact",
};
const REPUTATION_LABELS: Record<string, string> = {
  media: "Media coverage",
  complaints: "Repeated complaints",
  regulatory: "Regulatory requirements not met",
  clients_lost: "Clients likely lost",
  lost_counterparts: "Financial counterparts likely lost",
};
type RiskToRights = (typeof RISKS_TO_RIGHTS)[number];

const RISK_LABELS: Record<RiskToRights, string> = { none: "Unlikely to result in a risk", risk: "A risk to rights and freedoms", high_risk: "A high risk to rights and freedoms" };

/** The numeric DORA criteria, with their labels and units. */
const NUMBERS = [
  { key: "clientsAffected", label: "Clients affected", unit: "clients", hint: "More than 100,000 meets the threshold." },
  { key: "clientsAffectedPercent", label: "Clients affected", unit: "% of the service's clients", hint: "More than 10 %." },
  { key: "financialCounterpartsAffectedPercent", label: "Financial counterparts affected", unit: "%", hint: "More than 30 %." },
  { key: "transactionsAffectedPercent", label: "Transactions affected, by number", unit: "% of the daily average", hint: "More than 10 %." },
  { key: "transactionsAffectedValuePercent", label: "Transactions affected, by value", unit: "% of the daily average", hint: "More than 10 %." },
  { key: "durationHours", label: "Duration", unit: "hours", hint: "More than 24 h." },
  { key: "serviceDowntimeHours", label: "Downtime of critical services", unit: "hours", hint: "More than 2 h." },
  { key: "economicImpactEur", label: "Economic impact", unit: "EUR", hint: "More than EUR 100,000 direct and indirect costs." },
] as const;
type NumberKey = (typeof NUMBERS)[number]["key"];

interface DoraForm {
  criticalServicesAffected: boolean;
  maliciousUnauthorisedAccess: boolean;
  relevantClientsOrCounterpartsAffected: boolean;
  numbers: Record<NumberKey, string>;
  reputationalImpact: string[];
  dataLosses: string[];
  memberStates: string;
}

function initialForm(defaults: ClassificationDefaults | null): DoraForm {
  const numbers = Object.fromEntries(NUMBERS.map((n) => [n.key, ""])) as Record<NumberKey, string>;
  if (defaults) {
    numbers.durationHours = String(defaults.criteria.durationHours);
    if (defaults.criteria.serviceDowntimeHours !== null) numbers.serviceDowntimeHours = String(defaults.criteria.serviceDowntimeHours);
  }
  return {
    criticalServicesAffected: defaults?.criteria.criticalServicesAffected ?? false,
    maliciousUnauthorisedAccess: false,
    relevantClientsOrCounterpartsAffected: false,
    numbers,
    reputationalImpact: [],
    dataLosses: [],
    memberStates: (defaults?.criteria.memberStatesAffected ?? []).join(", "),
  };
}

/** The form as criteria: empty fields are left out; what is not a number is sent as typed, for the server to name. */
function criteriaOf(form: DoraForm): DoraCriteria {
  const numbers = Object.fromEntries(
    NUMBERS.filter((n) => form.numbers[n.key].trim() !== "").map((n) => {
      const text = form.numbers[n.key].trim().replace(/[\s,_]/g, "");
      return [n.key, Number.isFinite(Number(text)) ? Number(text) : text];
    }),
  );
  const states = form.memberStates
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  return {
    criticalServicesAffected: form.criticalServicesAffected,
    maliciousUnauthorisedAccess: form.maliciousUnauthorisedAccess,
    ...(form.relevantClientsOrCounterpartsAffected ? { relevantClientsOrCounterpartsAffected: true } : {}),
    ...numbers,
    ...(form.reputationalImpact.length ? { reputationalImpact: form.reputationalImpact as DoraCriteria["reputationalImpact"] } : {}),
    ...(form.dataLosses.length ? { dataLosses: form.dataLosses as DoraCriteria["dataLosses"] } : {}),
    ...(states.length ? { memberStatesAffected: states } : {}),
  };
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/**
 * Classify an incident: DORA's criteria with the affected services' defaults, the decision
 * shown as it would be made (which criteria are met and why, with the article), NIS2's and
 * GDPR's assessments beside it. The server decides; the preview uses the same pure rules.
 */
export function ClassificationWizard({ incidentRef, latest }: { incidentRef: string; latest: ClassificationView | null }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [regime, setRegime] = useState<Regime>("dora");
  const [defaults, setDefaults] = useState<ClassificationDefaults | null>(null);
  const [loading, setLoading] = useState(false);
  const [form, setForm] = useState<DoraForm>(() => initialForm(null));
  const [nis2, setNis2] = useState({ significant: false, reasons: "" });
  const [gdpr, setGdpr] = useState<{ personalDataBreach: boolean; riskToRights: RiskToRights }>({ personalDataBreach: false, riskToRights: "none" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const criteria = useMemo(() => criteriaOf(form), [form]);
  const preview = useMemo(() => {
    const numeric = Object.fromEntries(Object.entries(criteria).filter(([, v]) => typeof v !== "string")) as DoraCriteria;
    return classifyDora(numeric);
  }, [criteria]);

  async function openWizard(next: boolean) {
    setOpen(next);
    if (!next) return;
    setErrors({});
    setLoading(true);
    try {
      const loaded = await apiFetch<ClassificationDefaults>(`/api/v1/incidents/${encodeURIComponent(incidentRef)}/classification-defaults`);
      setDefaults(loaded);
      const base = initialForm(loaded);
      // Start from the latest DORA decision's figures when there is one: a reclassification changes a few.
      if (latest?.regime === "dora") {
        const c = latest.criteria as Partial<DoraCriteria>;
        for (const n of NUMBERS) if (typeof c[n.key] === "number") base.numbers[n.key] = String(c[n.key]);
        base.criticalServicesAffected = Boolean(c.criticalServicesAffected);
        base.maliciousUnauthorisedAccess = Boolean(c.maliciousUnauthorisedAccess);
        base.relevantClientsOrCounterpartsAffected = Boolean(c.relevantClientsOrCounterpartsAffected);
        base.reputationalImpact = c.reputationalImpact ?? [];
        base.dataLosses = c.dataLosses ?? [];
        if (c.memberStatesAffected?.length) base.memberStates = c.memberStatesAffected.join(", ");
      }
      setForm(base);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The defaults could not be loaded.");
    } finally {
      setLoading(false);
    }
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setErrors({});
    const body =
      regime === "dora"
        ? { regime, criteria }
        : regime === "nis2"
          ? { regime, criteria: { significant: nis2.significant, reasons: nis2.reasons.split("\n").map((r) => r.trim()).filter(Boolean) } }
          : { regime, criteria: gdpr };
    try {
      const saved = await apiFetch<ClassificationView>(`/api/v1/incidents/${encodeURIComponent(incidentRef)}/classifications`, { body });
      toast.success(saved.major ? `Classified under ${regime.toUpperCase()}: reportable, deadlines started` : `Classified under ${regime.toUpperCase()}: not reportable`);
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: incidentClocksKey(incidentRef) });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.details?.length) {
        setErrors(Object.fromEntries(error.details.map((d) => [d.field.replace(/^criteria\./, "").split(".")[0]!, d.message])));
      } else toast.error(error instanceof Error ? error.message : "The classification could not be saved.");
    } finally {
      setPending(false);
    }
  }

  const setNumber = (key: NumberKey, value: string) => setForm((f) => ({ ...f, numbers: { ...f.numbers, [key]: value } }));
  const clientsShare = defaults?.clientBase && form.numbers.clientsAffected && !form.numbers.clientsAffectedPercent ? Number(form.numbers.clientsAffected) / defaults.clientBase : null;

  return (
    <Dialog open={open} onOpenChange={(next) => void openWizard(next)}>
      <DialogTrigger asChild>
        <Button size="sm" variant={latest ? "outline" : "default"} className="gap-1.5">
          <Scale aria-hidden className="size-3.5" />
          {latest ? "Reclassify" : "Classify"}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[92dvh] max-w-4xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Classify {incidentRef}</DialogTitle>
          <DialogDescription>Each classification is kept: a reclassification is a new entry in the history, and the deadlines follow the latest.</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="flex flex-col gap-4" aria-busy={loading}>
          <div className="flex flex-col gap-1.5 sm:w-64">
            <Label htmlFor="classification-regime">Regime</Label>
            <NativeSelect id="classification-regime" value={regime} onChange={(e) => setRegime(e.target.value as Regime)}>
              <option value="dora">DORA (ICT-related incident)</option>
              <option value="nis2">NIS2 (significant incident)</option>
              <option value="gdpr">GDPR Art. 33 (personal data breach)</option>
            </NativeSelect>
          </div>
          {regime === "dora" && (
            <div className="grid gap-5 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
              <fieldset className="flex flex-col gap-3" disabled={loading}>
                <legend className="mb-1 text-sm font-semibold">Criteria (Delegated Regulation (EU) 2024/1772)</legend>
                {defaults && defaults.services.length > 0 && (
                  <p className="text-xs text-muted-foreground">
                    Affected services:{" "}
                    {defaults.services.map((s) => `${s.name}${s.critical ? " (critical function)" : ""}${s.clientCount ? `, ${s.clientCount.toLocaleString("en-GB")} clients` : ""}`).join("; ")}
                  </p>
                )}
                <CheckRow id="c-critical" label="Services supporting critical or important functions affected" checked={form.criticalServicesAffected} onChange={(v) => setForm((f) => ({ ...f, criticalServicesAffected: v }))} />
                <CheckRow id="c-malicious" label="Malicious unauthorised access to network and information systems (may lead to data losses)" checked={form.maliciousUnauthorisedAccess} onChange={(v) => setForm((f) => ({ ...f, maliciousUnauthorisedAccess: v }))} />
                <CheckRow id="c-relevant" label="A relevant client or financial counterpart was affected" checked={form.relevantClientsOrCounterpartsAffected} onChange={(v) => setForm((f) => ({ ...f, relevantClientsOrCounterpartsAffected: v }))} />
                <div className="grid gap-3 sm:grid-cols-2">
                  {NUMBERS.map((n) => (
                    <div key={n.key} className="flex flex-col gap-1">
                      <Label htmlFor={`c-${n.key}`} className="block text-xs leading-snug">
                        {n.label} <span className="font-normal text-muted-foreground">({n.unit})</span>
                      </Label>
                      <Input
                        id={`c-${n.key}`}
                        inputMode="decimal"
                        value={form.numbers[n.key]}
                        onChange={(e) => setNumber(n.key, e.target.value)}
                        aria-invalid={errors[n.key] ? true : undefined}
                        aria-describedby={`c-${n.key}-hint`}
                      />
                      <p id={`c-${n.key}-hint`} className={errors[n.key] ? "text-xs font-medium text-destructive" : "text-[11px] text-muted-foreground"}>
                        {errors[n.key] ? `${n.label} ${errors[n.key]}` : n.hint}
                        {n.key === "clientsAffected" && clientsShare !== null && !errors[n.key] ? ` That is ${(clientsShare * 100).toFixed(1)} % of ${defaults!.clientBase!.toLocaleString("en-GB")} clients.` : ""}
                      </p>
                    </div>
                  ))}
                </div>
                <CheckGroup legend="Reputational impact" values={REPUTATIONAL_IMPACTS} labels={REPUTATION_LABELS} selected={form.reputationalImpact} onChange={(v) => setForm((f) => ({ ...f, reputationalImpact: v }))} />
                <CheckGroup legend="Data losses" values={DATA_LOSS_TYPES} labels={Object.fromEntries(DATA_LOSS_TYPES.map((t) => [t, t[0]!.toUpperCase() + t.slice(1)]))} selected={form.dataLosses} onChange={(v) => setForm((f) => ({ ...f, dataLosses: v }))} />
                <div className="flex flex-col gap-1">
                  <Label htmlFor="c-states" className="text-xs">Member States affected (ISO codes)</Label>
                  <Input id="c-states" value={form.memberStates} onChange={(e) => setForm((f) => ({ ...f, memberStates: e.target.value }))} placeholder="DK, SE" aria-invalid={errors.memberStatesAffected ? true : undefined} aria-describedby="c-states-hint" />
                  <p id="c-states-hint" className={errors.memberStatesAffected ? "text-xs font-medium text-destructive" : "text-[11px] text-muted-foreground"}>
                    {errors.memberStatesAffected ? `A Member State code ${errors.memberStatesAffected}` : "Two or more Member States meet the threshold."}
                  </p>
                </div>
              </fieldset>
              <DoraDecision preview={preview} />
            </div>
          )}
          {regime === "nis2" && (
            <fieldset className="flex flex-col gap-3">
              <legend className="mb-1 text-sm font-semibold">Significance (Directive (EU) 2022/2555 Art. 23(3))</legend>
              <CheckRow id="n-significant" label="Significant: severe operational disruption or financial loss, or considerable damage to others" checked={nis2.significant} onChange={(v) => setNis2((n) => ({ ...n, significant: v }))} />
              <Label htmlFor="n-reasons" className="text-xs">Reasons, one a line</Label>
              <Textarea id="n-reasons" rows={3} value={nis2.reasons} onChange={(e) => setNis2((n) => ({ ...n, reasons: e.target.value }))} />
              <PathList path={classifyNis2({ significant: nis2.significant, reasons: nis2.reasons.split("\n") }).path} />
            </fieldset>
          )}
          {regime === "gdpr" && (
            <fieldset className="flex flex-col gap-3">
              <legend className="mb-1 text-sm font-semibold">Personal data breach (Regulation (EU) 2016/679 Art. 33–34)</legend>
              <CheckRow id="g-breach" label="A personal data breach occurred" checked={gdpr.personalDataBreach} onChange={(v) => setGdpr((g) => ({ ...g, personalDataBreach: v }))} />
              <div className="flex flex-col gap-1 sm:w-80">
                <Label htmlFor="g-risk" className="text-xs">Risk to the rights and freedoms of natural persons</Label>
                <NativeSelect id="g-risk" value={gdpr.riskToRights} onChange={(e) => setGdpr((g) => ({ ...g, riskToRights: e.target.value as RiskToRights }))}>
                  {RISKS_TO_RIGHTS.map((r) => (
                    <option key={r} value={r}>
                      {RISK_LABELS[r]}
                    </option>
                  ))}
                </NativeSelect>
              </div>
              <PathList path={classifyGdpr(gdpr).path} />
            </fieldset>
          )}
          <DialogSubmitFooter pending={pending} onCancel={() => setOpen(false)}>
            Save classification
          </DialogSubmitFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function DoraDecision({ preview }: { preview: ReturnType<typeof classifyDora> }) {
  return (
    <section aria-label="Decision" aria-live="polite" className="flex flex-col gap-3 rounded-md border border-border bg-muted/30 p-3">
      <div className="flex items-center gap-2">
        <h3 className="text-sm font-semibold">Decision</h3>
        {preview.major ? <Badge variant="destructive">Major ICT-related incident</Badge> : <Badge variant="muted">Not major</Badge>}
      </div>
      <p className="text-sm">{preview.path.at(-1)}</p>
      <ul className="flex flex-col gap-2" aria-label="Criteria">
        {preview.findings.map((f) => (
          <li key={f.criterion} className="flex gap-2 text-xs">
            {f.met ? <CheckCircle2 aria-hidden className="mt-0.5 size-3.5 shrink-0 text-destructive" /> : <XCircle aria-hidden className="mt-0.5 size-3.5 shrink-0 text-muted-foreground" />}
            <div>
              <p className="font-medium">
                {CRITERION_LABELS[f.criterion] ?? f.criterion}: <span className={f.met ? "text-destructive" : "text-muted-foreground"}>{f.met ? "met" : "not met"}</span>
              </p>
              <p className="text-muted-foreground">{f.reasons.join(" ")}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PathList({ path }: { path: string[] }) {
  return (
    <ol aria-label="Decision" aria-live="polite" className="list-decimal space-y-1 rounded-md border border-border bg-muted/30 p-3 pl-7 text-xs">
      {path.map((step, i) => (
        <li key={i}>{step}</li>
      ))}
    </ol>
  );
}

function CheckRow({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <div className="flex items-start gap-2">
      <Checkbox id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5" />
      <Label htmlFor={id} className="text-sm font-normal leading-snug">
        {label}
      </Label>
    </div>
  );
}

function CheckGroup({ legend, values, labels, selected, onChange }: { legend: string; values: readonly string[]; labels: Record<string, string>; selected: string[]; onChange: (value: string[]) => void }) {
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1 text-xs font-medium">{legend}</legend>
      <div className="grid gap-1.5 sm:grid-cols-2">
        {values.map((value) => (
          <CheckRow key={value} id={`c-${legend}-${value}`.replace(/\s/g, "-")} label={labels[value] ?? value} checked={selected.includes(value)} onChange={(on) => onChange(toggle(selected, value, on))} />
        ))}
      </div>
    </fieldset>
  );
}
