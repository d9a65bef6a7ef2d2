"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ActionItemRow, type ActionItemPatch } from "./action-item-row";
import type { ActionItemView, MemberSummary } from "./action-item-types";

interface ActionItemsPanelProps {
  incidentRef: string;
  canWrite: boolean;
  members: MemberSummary[];
  initialItems?: ActionItemView[];
}

export function actionItemsKey(incidentRef: string) {
  return ["action-items", incidentRef] as const;
}

/** Add, edit and link action items; the list is shared with the postmortem's data block. */
export function ActionItemsPanel({ incidentRef, canWrite, members, initialItems }: ActionItemsPanelProps) {
  const queryClient = useQueryClient();
  const key = actionItemsKey(incidentRef);
  const path = `/api/v1/incidents/${encodeURIComponent(incidentRef)}/action-items`;
  const { data, isLoading, error } = useQuery({
    queryKey: key,
    queryFn: () => apiFetch<{ items: ActionItemView[] }>(path),
    initialData: initialItems ? { items: initialItems } : undefined,
  });
  const [title, setTitle] = useState("");
  const [busyId, setBusyId] = useState<string | null>(null);

  const replace = (item: ActionItemView) =>
    queryClient.setQueryData<{ items: ActionItemView[] }>(key, (old) => ({ items: (old?.items ?? []).map((i) => (i.id === item.id ? item : i)) }));

  const create = useMutation({
    mutationFn: (newTitle: string) => apiFetch<ActionItemView>(path, { body: { title: newTitle } }),
    onSuccess: (item) => {
      queryClient.setQueryData<{ items: ActionItemView[] }>(key, (old) => ({ items: [...(old?.items ?? []), item] }));
      setTitle("");
    },
    onError: (e) => toast.error(e.message),
  });

  async function run(id: string, request: () => Promise<ActionItemView>, success?: string) {
    setBusyId(id);
    try {
      replace(await request());
      if (success) toast.success(success);
    } catch (e) {
      toast.error((e as Error).message);
    } finally {
      setBusyId(null);
    }
  }

  const patch = (id: string, body: ActionItemPatch) => run(id, () => apiFetch<ActionItemView>(`/api/v1/action-items/${id}`, { method: "PATCH", body }));
  const createIssue = (id: string) => run(id, () => apiFetch<ActionItemView>(`/api/v1/action-items/${id}/github-issue`, { body: {} }), "GitHub issue created");

  const items = data?.items ?? [];
  return (
    <div className="flex flex-col gap-2">
      {isLoading && <p className="text-sm text-muted-foreground">Loading action items…</p>}
      {error && <p className="text-sm text-destructive">Could not load action items: {error.message}</p>}
      {!isLoading && items.length === 0 && <p className="text-sm text-muted-foreground">No action items yet.</p>}
      <ul className="flex flex-col">
        {items.map((item) => (
          <ActionItemRow
            key={item.id}
            item={item}
            members={members}
            canWrite={canWrite}
            busy={busyId === item.id}
            onPatch={(body) => void patch(item.id, body)}
            onCreateIssue={() => void createIssue(item.id)}
          />
        ))}
      </ul>
      {canWrite && (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) create.mutate(title.trim());
          }}
        >
          <Input aria-label="New action item" placeholder="New action item…" className="h-8 text-sm" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
          <Button type="submit" size="sm" disabled={!title.trim() || create.isPending}>
            <Plus aria-hidden /> Add
          </Button>
        </form>
      )}
    </div>
  );
}
