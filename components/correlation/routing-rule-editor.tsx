"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { SEVERITIES, SEVERITY_LABELS, type Severity } from "@/lib/core/severity";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

export interface RuleDraft {
  key: string;
  name: string;
  matchers: string;
  declare: boolean;
  severity: Severity;
}

export type RuleErrors = Partial<Record<"name" | "matchers" | "declare" | "severity", string>>;

interface RoutingRuleEditorProps {
  rule: RuleDraft;
  index: number;
  count: number;
  errors: RuleErrors;
  onChange: (patch: Partial<RuleDraft>) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
}

/** One routing rule: its name, the labels it matches, and what a match does. */
export function RoutingRuleEditor({ rule, index, count, errors, onChange, onMove, onRemove }: RoutingRuleEditorProps) {
  const id = (field: string) => `rule-${rule.key}-${field}`;
  const invalid = (field: keyof RuleErrors) => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": id(`${field}-error`) } : {});
  const position = `rule ${index + 1}`;
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4 shadow-xs" data-testid="routing-rule">
      <div className="flex items-center justify-between gap-2">
        <span className="flex items-center gap-2 text-sm font-semibold">
          <span className="flex size-6 items-center justify-center rounded-full bg-muted text-xs tabular text-muted-foreground">{index + 1}</span>
          {rule.name.trim() || "Untitled rule"}
        </span>
        <div className="flex items-center gap-0.5">
          <Button type="button" variant="ghost" size="icon" className="size-8" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move ${position} up`}>
            <ArrowUp aria-hidden />
          </Button>
          <Button type="button" variant="ghost" size="icon" className="size-8" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move ${position} down`}>
            <ArrowDown aria-hidden />
          </Button>
          <Button type="button" variant="ghost" size="icon" className="size-8 text-destructive hover:text-destructive" onClick={onRemove} aria-label={`Remove ${position}`}>
            <Trash2 aria-hidden />
          </Button>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5 sm:col-span-2">
          <Label htmlFor={id("name")}>Name</Label>
          <Input id={id("name")} value={rule.name} maxLength={100} autoComplete="off" onChange={(event) => onChange({ name: event.target.value })} {...invalid("name")} />
          <FieldError id={id("name-error")} message={errors.name} />
        </div>
        <div className="flex flex-col gap-1.5 sm:col-span-2">
          <Label htmlFor={id("matchers")}>Label matchers</Label>
          <Textarea
            id={id("matchers")}
            value={rule.matchers}
            rows={Math.max(2, rule.matchers.split("\n").length)}
            spellCheck={false}
            placeholder={"severity=critical,page\nteam=payments"}
            className="min-h-0 font-mono text-xs"
            onChange={(event) => onChange({ matchers: event.target.value })}
            {...invalid("matchers")}
          />
          <p className="text-xs text-muted-foreground">
            One <code className="font-mono">label=value1,value2</code> per line; an alert matches when every listed label has one of its values (case does not
            matter). With no lines, the rule matches every alert.
          </p>
          <FieldError id={id("matchers-error")} message={errors.matchers} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={id("declare")}>Declare an incident</Label>
          <NativeSelect id={id("declare")} value={rule.declare ? "yes" : "no"} onChange={(event) => onChange({ declare: event.target.value === "yes" })} {...invalid("declare")}>
            <option value="yes">Yes, declare one</option>
            <option value="no">No, wait in triage</option>
          </NativeSelect>
          <FieldError id={id("declare-error")} message={errors.declare} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={id("severity")}>Severity</Label>
          <NativeSelect
            id={id("severity")}
            value={rule.severity}
            disabled={!rule.declare}
            onChange={(event) => onChange({ severity: event.target.value as Severity })}
            {...invalid("severity")}
          >
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severity} · {SEVERITY_LABELS[severity]}
              </option>
            ))}
          </NativeSelect>
          <FieldError id={id("severity-error")} message={errors.severity} />
        </div>
      </div>
    </li>
  );
}
