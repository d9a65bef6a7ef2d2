"use client";

import { ExternalLink, GitPullRequestArrow as IssueIcon } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { PRIORITIES, STATUSES, type ActionItemView, type MemberSummary } from "./action-item-types";

export type ActionItemPatch = Partial<{ title: string; owner: string | null; dueDate: string | null; priority: string; status: string }>;

interface ActionItemRowProps {
  item: ActionItemView;
  members: MemberSummary[];
  canWrite: boolean;
  busy: boolean;
  onPatch(patch: ActionItemPatch): void;
  onCreateIssue(): void;
}

/** One action item, edited in place: every control saves on change. */
export function ActionItemRow({ item, members, canWrite, busy, onPatch, onCreateIssue }: ActionItemRowProps) {
  const [title, setTitle] = useState(item.title);
  const label = (what: string) => `${what} of “${item.title}”`;
  return (
    <li className="flex flex-col gap-2 border-b border-border py-2.5 last:border-b-0" data-testid="action-item">
      <div className="flex items-start gap-2">
        {canWrite ? (
          <Input
            aria-label={label("Title")}
            className="h-8 flex-1 text-sm"
            value={title}
            maxLength={300}
            onChange={(e) => setTitle(e.target.value)}
            onBlur={() => title.trim() && title.trim() !== item.title && onPatch({ title: title.trim() })}
            onKeyDown={(e) => e.key === "Enter" && (e.target as HTMLInputElement).blur()}
          />
        ) : (
          <span className="flex-1 text-sm font-medium">{item.title}</span>
        )}
        {item.overdue && <Badge variant="destructive">Overdue</Badge>}
      </div>
      <div className="grid grid-cols-2 items-center gap-1.5 text-xs">
        <NativeSelect aria-label={label("Status")} disabled={!canWrite || busy} className="w-full text-xs" value={item.status} onChange={(e) => onPatch({ status: e.target.value })}>
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect aria-label={label("Priority")} disabled={!canWrite || busy} className="w-full text-xs" value={item.priority} onChange={(e) => onPatch({ priority: e.target.value })}>
          {PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </NativeSelect>
        <NativeSelect aria-label={label("Owner")} disabled={!canWrite || busy} className="w-full text-xs" value={item.owner?.id ?? ""} onChange={(e) => onPatch({ owner: e.target.value || null })}>
          <option value="">No owner</option>
          {item.owner && !members.some((m) => m.userId === item.owner!.id) && <option value={item.owner.id}>{item.owner.name}</option>}
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name || m.email}
            </option>
          ))}
        </NativeSelect>
        <Input
          type="date"
          aria-label={label("Due date")}
          disabled={!canWrite || busy}
          className="h-9 w-full text-xs"
          value={item.dueDate ?? ""}
          onChange={(e) => onPatch({ dueDate: e.target.value || null })}
        />
        {item.github ? (
          <a href={item.github.url} target="_blank" rel="noreferrer" className="col-span-2 inline-flex items-center gap-1 text-primary hover:underline">
            <IssueIcon className="size-3.5" aria-hidden />
            {item.github.repository}#{item.github.number}
            {item.github.state === "closed" ? " (closed)" : ""}
            <ExternalLink className="size-3" aria-hidden />
          </a>
        ) : (
          canWrite && (
            <Button size="sm" variant="outline" className="col-span-2 h-7 justify-self-start text-xs" disabled={busy} onClick={onCreateIssue}>
              <IssueIcon aria-hidden /> Create GitHub issue
            </Button>
          )
        )}
      </div>
      {item.github?.syncError && <p className="text-xs text-destructive">GitHub sync: {item.github.syncError}</p>}
    </li>
  );
}
