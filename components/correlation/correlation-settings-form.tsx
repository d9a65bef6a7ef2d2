"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Loader2, Plus, RotateCcw } from "lucide-react";
import { toast } from "sonner";
import { SEVERITY_LABELS } from "@/lib/core/severity";
import { ApiError, apiFetch } from "@/components/api-client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FormAlert } from "@/components/forms/form-alert";
import { Timestamp } from "@/components/time/timestamp";
import type { CorrelationSettingsView, RoutingRule } from "./correlation-types";
import { formatMatcherLines, parseMatcherLines } from "./label-matcher-lines";
import { RoutingRuleEditor, type RuleDraft, type RuleErrors } from "./routing-rule-editor";

interface Defaults {
  rules: RoutingRule[];
  groupingWindowMinutes: number;
}

// Keys (and the field ids built from them) of the first render come from the position, so
// the server's HTML and the hydrating client agree; rules made later count on from there.
let draftCounter = 0;
const draftOf = (rule: RoutingRule, index?: number): RuleDraft => ({
  key: index === undefined ? `new-${++draftCounter}` : `rule-${index}`,
  name: rule.name,
  matchers: formatMatcherLines(rule.matchLabels),
  declare: rule.declare,
  severity: rule.severity,
});

/** 422 details name fields like `rules.2.matchLabels`; put each message next to its field. */
function errorsFromApi(error: ApiError): { window?: string; rules: Record<number, RuleErrors>; other: string[] } {
  const result: { window?: string; rules: Record<number, RuleErrors>; other: string[] } = { rules: {}, other: [] };
  for (const detail of error.details ?? []) {
    const [head, index, field] = detail.field.split(".");
    if (head === "groupingWindowMinutes") result.window ??= detail.message;
    else if (head === "rules" && index !== undefined && /^\d+$/.test(index)) {
      const key = field === "matchLabels" ? "matchers" : field === "name" || field === "declare" || field === "severity" ? field : "name";
      (result.rules[Number(index)] ??= {})[key] ??= detail.message;
    } else result.other.push(`${detail.field}: ${detail.message}`);
  }
  return result;
}

/**
 * The organisation's routing rules (tried in order, first match wins) and grouping
 * window, edited as a list and saved together.
 */
export function CorrelationSettingsForm({ settings, defaults }: { settings: CorrelationSettingsView; defaults: Defaults }) {
  const router = useRouter();
  const [windowMinutes, setWindowMinutes] = useState(String(settings.groupingWindowMinutes));
  const [rules, setRules] = useState<RuleDraft[]>(() => settings.rules.map((rule, index) => draftOf(rule, index)));
  const [ruleErrors, setRuleErrors] = useState<Record<number, RuleErrors>>({});
  const [windowError, setWindowError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // After the fields are marked, take the keyboard to the first one that needs attention.
  const focusFirstInvalid = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const mutation = useMutation({
    mutationFn: (body: { rules: RoutingRule[]; groupingWindowMinutes: number }) =>
      apiFetch<CorrelationSettingsView>("/api/v1/correlation/settings", { method: "PUT", body }),
    onSuccess: (saved) => {
      setRules(saved.rules.map((rule) => draftOf(rule)));
      setWindowMinutes(String(saved.groupingWindowMinutes));
      setDirty(false);
      toast.success("Correlation settings saved; they apply to deliveries from now on.");
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 422) {
        const mapped = errorsFromApi(error);
        setRuleErrors(mapped.rules);
        setWindowError(mapped.window);
        setFormError(mapped.other.length > 0 ? mapped.other.join("; ") : "Some fields need attention.");
        focusFirstInvalid();
        return;
      }
      const message = error instanceof Error ? error.message : "Could not save the settings.";
      setFormError(message);
      toast.error(message);
    },
  });

  function edit(update: (current: RuleDraft[]) => RuleDraft[]) {
    setRules(update);
    setRuleErrors({});
    setDirty(true);
  }

  function restoreDefaults() {
    setRules(defaults.rules.map((rule) => draftOf(rule)));
    setWindowMinutes(String(defaults.groupingWindowMinutes));
    setRuleErrors({});
    setWindowError(undefined);
    setDirty(true);
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const errors: Record<number, RuleErrors> = {};
    const body: RoutingRule[] = [];
    rules.forEach((rule, index) => {
      const parsed = parseMatcherLines(rule.matchers);
      if (!rule.name.trim()) (errors[index] ??= {}).name = "Give the rule a name.";
      if (parsed.error) (errors[index] ??= {}).matchers = parsed.error;
      body.push({ name: rule.name.trim(), matchLabels: parsed.matchLabels, declare: rule.declare, severity: rule.severity });
    });
    const minutes = Number(windowMinutes);
    const badWindow = !Number.isInteger(minutes) || minutes < 1 || minutes > 1440 ? "Use a whole number of minutes from 1 to 1440 (24 hours)." : undefined;
    setRuleErrors(errors);
    setWindowError(badWindow);
    if (badWindow || Object.keys(errors).length > 0) {
      setFormError("Some fields need attention.");
      focusFirstInvalid();
      return;
    }
    mutation.mutate({ rules: body, groupingWindowMinutes: minutes });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <section aria-labelledby="grouping-heading" className="flex flex-col gap-3 rounded-lg border border-border bg-card p-5 shadow-xs">
        <div>
          <h2 id="grouping-heading" className="font-semibold">
            Grouping
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            Alerts on the same service this close together join the open incident instead of opening a new one. A resolved incident never absorbs new
            alerts. Default: {defaults.groupingWindowMinutes} minutes.
          </p>
        </div>
        <div className="flex max-w-xs flex-col gap-1.5">
          <Label htmlFor="grouping-window">Grouping window (minutes)</Label>
          <Input
            id="grouping-window"
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            step={1}
            value={windowMinutes}
            onChange={(event) => {
              setWindowMinutes(event.target.value);
              setWindowError(undefined);
              setDirty(true);
            }}
            aria-invalid={windowError ? true : undefined}
            aria-describedby={windowError ? "grouping-window-error" : undefined}
          />
          <FieldError id="grouping-window-error" message={windowError} />
        </div>
      </section>

      <section aria-labelledby="rules-heading" className="flex flex-col gap-3">
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <h2 id="rules-heading" className="flex items-center gap-2 font-semibold">
              Routing rules
              {settings.isDefault && !dirty && <Badge variant="muted">Defaults</Badge>}
            </h2>
            <p className="mt-1 text-sm text-muted-foreground">
              Tried in order; the first rule whose labels match decides. An alert no rule declares on, and no open incident absorbs, waits in triage.
            </p>
          </div>
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => edit((current) => [...current, draftOf({ name: "", matchLabels: {}, declare: true, severity: "SEV3" })])}
          >
            <Plus aria-hidden />
            Add rule
          </Button>
        </div>
        {rules.length === 0 ? (
          <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted-foreground">
            No rules: no alert declares an incident by itself; all wait in triage unless an open incident absorbs them.
          </p>
        ) : (
          <ol className="flex flex-col gap-3" aria-label="Routing rules">
            {rules.map((rule, index) => (
              <RoutingRuleEditor
                key={rule.key}
                rule={rule}
                index={index}
                count={rules.length}
                errors={ruleErrors[index] ?? {}}
                onChange={(patch) => edit((current) => current.map((r) => (r.key === rule.key ? { ...r, ...patch } : r)))}
                onMove={(offset) =>
                  edit((current) => {
                    const next = [...current];
                    const [moved] = next.splice(index, 1);
                    next.splice(index + offset, 0, moved!);
                    return next;
                  })
                }
                onRemove={() => edit((current) => current.filter((r) => r.key !== rule.key))}
              />
            ))}
          </ol>
        )}
        <div className="rounded-lg border border-border bg-muted/40 px-4 py-3 text-sm">
          <p className="font-medium">The defaults</p>
          <ul className="mt-1 flex flex-col gap-0.5 text-muted-foreground">
            {defaults.rules.map((rule) => (
              <li key={rule.name}>
                {rule.name}: <code className="font-mono text-xs text-foreground">{formatMatcherLines(rule.matchLabels).replace(/\n/g, "; ")}</code> →{" "}
                {rule.declare ? `declare ${rule.severity} (${SEVERITY_LABELS[rule.severity]})` : "triage"}
              </li>
            ))}
            <li>Grouping window: {defaults.groupingWindowMinutes} minutes</li>
          </ul>
        </div>
      </section>

      <FormAlert message={formError} />
      <div className="flex flex-col-reverse gap-3 border-t border-border pt-4 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-xs text-muted-foreground" aria-live="polite">
          {dirty ? (
            "Unsaved changes"
          ) : settings.updatedAt ? (
            <>
              Last saved <Timestamp value={settings.updatedAt} precision="minutes" />
            </>
          ) : (
            "Running on the defaults"
          )}
        </p>
        <div className="flex gap-2">
          <Button type="button" variant="outline" onClick={restoreDefaults} disabled={mutation.isPending}>
            <RotateCcw aria-hidden />
            Restore defaults
          </Button>
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending && <Loader2 aria-hidden className="animate-spin" />}
            Save settings
          </Button>
        </div>
      </div>
    </form>
  );
}
