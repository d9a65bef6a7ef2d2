"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

interface SyncAnswer {
  source: { lastError: string | null };
  outcome: { created: number; updated: number; renamed: number; unchanged: number; stale: number } | null;
}

/** Adds a GitHub folder as a runbook source and syncs it now; failures show on the source. */
export function RunbookSyncForm() {
  const router = useRouter();
  const [repository, setRepository] = useState("");
  const [ref, setRef] = useState("");
  const [path, setPath] = useState("");
  const [pattern, setPattern] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const answer = await apiFetch<SyncAnswer>("/api/v1/runbooks/sync", {
        body: { repository, path, ...(ref ? { ref } : {}), ...(pattern ? { publishedUrlPattern: pattern } : {}) },
      });
      if (answer.outcome) toast.success(`Synced: ${answer.outcome.created} new, ${answer.outcome.updated} updated, ${answer.outcome.stale} stale.`);
      else toast.error(`Sync failed: ${answer.source.lastError}`);
      router.refresh();
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "Could not sync.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[2fr_1fr_2fr_3fr_auto] sm:items-end">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="sync-repo">Repository</Label>
        <Input id="sync-repo" value={repository} onChange={(e) => setRepository(e.target.value)} placeholder="owner/runbooks" required />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="sync-ref">Ref</Label>
        <Input id="sync-ref" value={ref} onChange={(e) => setRef(e.target.value)} placeholder="default branch" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="sync-path">Folder</Label>
        <Input id="sync-path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="runbooks" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="sync-pattern">Published URL pattern</Label>
        <Input id="sync-pattern" value={pattern} onChange={(e) => setPattern(e.target.value)} placeholder="https://runbooks.example/{component}/{alertname_lower}" />
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? "Syncing…" : "Sync now"}
      </Button>
    </form>
  );
}
