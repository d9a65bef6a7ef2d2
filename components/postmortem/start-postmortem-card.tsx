"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";

const TEMPLATES = [
  { key: "standard", name: "Blameless standard", description: "Summary, impact, timeline, detection, response, recovery, root cause and contributing factors, what went well and poorly, where we got lucky, action items, lessons learned." },
  { key: "regulatory", name: "Regulator-ready", description: "The standard sections plus document control, a regulatory status box, quantified impact, third parties, communications log and an annex of key timestamps." },
] as const;

/** No postmortem yet: pick a template; it arrives pre-filled with the incident's data. */
export function StartPostmortemCard({ incidentRef, canWrite }: { incidentRef: string; canWrite: boolean }) {
  const router = useRouter();
  const [template, setTemplate] = useState<string>("standard");
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    try {
      await apiFetch(`/api/v1/incidents/${encodeURIComponent(incidentRef)}/postmortem`, { body: { template } });
      toast.success("Postmortem started");
      router.refresh();
    } catch (e) {
      toast.error((e as Error).message);
      setBusy(false);
    }
  }
  return (
    <Card className="mx-auto w-full max-w-2xl">
      <CardHeader>
        <CardTitle>Start the postmortem</CardTitle>
        <CardDescription>{canWrite ? "Choose a template. Summary, timeline highlights, durations and action items are filled in from the incident." : "No postmortem has been started for this incident yet."}</CardDescription>
      </CardHeader>
      {canWrite && (
        <>
          <CardContent>
            <fieldset className="grid gap-3 sm:grid-cols-2">
              <legend className="sr-only">Template</legend>
              {TEMPLATES.map((t) => (
                <label key={t.key} className={`flex cursor-pointer flex-col gap-1 rounded-md border p-3 text-sm ${template === t.key ? "border-primary ring-2 ring-primary/20" : "border-border"}`}>
                  <span className="flex items-center gap-2 font-medium">
                    <input type="radio" name="template" value={t.key} checked={template === t.key} onChange={() => setTemplate(t.key)} />
                    {t.name}
                  </span>
                  <span className="text-xs text-muted-foreground">{t.description}</span>
                </label>
              ))}
            </fieldset>
          </CardContent>
          <CardFooter>
            <Button onClick={() => void start()} disabled={busy}>
              {busy ? "Starting…" : "Start postmortem"}
            </Button>
          </CardFooter>
        </>
      )}
    </Card>
  );
}
