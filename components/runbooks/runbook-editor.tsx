"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/api-client";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

export interface RunbookDraft {
  id?: string;
  title: string;
  body: string;
  services: string[];
  alertNames: string[];
  tags: string[];
}

const TEMPLATE = "# Title\n\n## Meaning\n\n## Impact\n\n## Diagnosis\n\n1. First check\n\n## Mitigation\n\n- [ ] First action\n";

function list(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Writes a runbook in Markdown with a preview rendered the same safe way as everywhere else. */
export function RunbookEditor({ initial }: { initial?: RunbookDraft }) {
  const router = useRouter();
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [title, setTitle] = useState(initial?.title ?? "");
  const [body, setBody] = useState(initial?.body ?? TEMPLATE);
  const [services, setServices] = useState((initial?.services ?? []).join(", "));
  const [alertNames, setAlertNames] = useState((initial?.alertNames ?? []).join(", "));
  const [tags, setTags] = useState((initial?.tags ?? []).join(", "));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    const payload = { title, body, services: list(services), alertNames: list(alertNames), tags: list(tags) };
    try {
      const saved = await apiFetch<{ id: string }>(initial?.id ? `/api/v1/runbooks/${initial.id}` : "/api/v1/runbooks", {
        method: initial?.id ? "PATCH" : "POST",
        body: payload,
      });
      toast.success("Runbook saved.");
      router.push(`/runbooks/${saved.id}`);
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.details) setErrors(Object.fromEntries(error.details.map((d) => [d.field.split(".")[0]!, d.message])));
      toast.error(error instanceof Error ? error.message : "Could not save the runbook.");
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={save} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="runbook-title">Title</Label>
        <Input id="runbook-title" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={Boolean(errors.title)} required maxLength={200} />
        {errors.title && <p className="text-xs text-destructive">{errors.title}</p>}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="runbook-alerts">Alert names (globs, comma-separated)</Label>
          <Input id="runbook-alerts" value={alertNames} onChange={(e) => setAlertNames(e.target.value)} placeholder="KubePod*, PaymentsErrorRate" />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="runbook-services">Services</Label>
          <Input id="runbook-services" value={services} onChange={(e) => setServices(e.target.value)} placeholder="payments-api" />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="runbook-tags">Tags</Label>
          <Input id="runbook-tags" value={tags} onChange={(e) => setTags(e.target.value)} />
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <div role="tablist" aria-label="Runbook body" className="flex gap-1">
          <Button type="button" role="tab" size="sm" aria-selected={tab === "write"} variant={tab === "write" ? "secondary" : "ghost"} onClick={() => setTab("write")}>
            Write
          </Button>
          <Button type="button" role="tab" size="sm" aria-selected={tab === "preview"} variant={tab === "preview" ? "secondary" : "ghost"} onClick={() => setTab("preview")}>
            Preview
          </Button>
        </div>
        {tab === "write" ? (
          <Textarea aria-label="Markdown" className="min-h-96 font-mono" value={body} onChange={(e) => setBody(e.target.value)} />
        ) : (
          <div className="min-h-96 rounded-md border border-border p-4">
            <MarkdownView empty="Nothing to preview.">{body}</MarkdownView>
          </div>
        )}
        {errors.body && <p className="text-xs text-destructive">{errors.body}</p>}
      </div>
      <div>
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save runbook"}
        </Button>
      </div>
    </form>
  );
}
