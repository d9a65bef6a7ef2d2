"use client";

import { LoaderCircle, Pencil } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/class-names";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";
import { Input } from "@/components/ui/input";
import { ServiceChips } from "./service-chips";
import type { ServiceOption } from "./incident-types";

export interface ServicesEditorProps {
  current: string[];
  options: ServiceOption[];
  pending: boolean;
  onSave: (slugs: string[]) => Promise<boolean>;
  className?: string;
}

/** The affected services as chips, and a dialog with the catalogue as checkboxes. */
export function ServicesEditor({ current, options, pending, onSave, className }: ServicesEditorProps) {
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [query, setQuery] = useState("");
  const filterId = useId();

  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? options.filter((s) => s.slug.includes(q) || s.name.toLowerCase().includes(q)) : options;
  }, [options, query]);
  const unchanged = selected.size === current.length && current.every((slug) => selected.has(slug));

  function openChange(next: boolean) {
    if (next) {
      setSelected(new Set(current));
      setQuery("");
    }
    setOpen(next);
  }

  function toggle(slug: string, checked: boolean) {
    setSelected((previous) => {
      const next = new Set(previous);
      if (checked) next.add(slug);
      else next.delete(slug);
      return next;
    });
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const slugs = options.map((s) => s.slug).filter((slug) => selected.has(slug));
    if (await onSave(slugs)) setOpen(false);
  }

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-muted-foreground">Services</span>
        {pending && (
          <span role="status" className="flex items-center gap-1 text-xs text-muted-foreground">
            <LoaderCircle aria-hidden className="size-3 animate-spin" />
            Saving…
          </span>
        )}
      </div>
      <ServiceChips services={current} empty="No services" />
      <Dialog open={open} onOpenChange={openChange}>
        <DialogTrigger asChild>
          <Button variant="outline" size="sm" className="w-fit" disabled={pending}>
            <Pencil aria-hidden />
            Edit services
          </Button>
        </DialogTrigger>
        <DialogContent className="max-w-md">
          <form onSubmit={save} className="flex flex-col gap-4">
            <DialogHeader>
              <DialogTitle>Affected services</DialogTitle>
              <DialogDescription>Changes appear on the timeline. {selected.size} selected.</DialogDescription>
            </DialogHeader>
            <Input
              id={filterId}
              aria-label="Filter services"
              placeholder="Filter services…"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            <fieldset className="max-h-72 overflow-y-auto rounded-md border border-border">
              <legend className="sr-only">Services</legend>
              {visible.length === 0 && <p className="p-3 text-sm text-muted-foreground">No service matches “{query}”.</p>}
              {visible.map((service) => (
                <label
                  key={service.slug}
                  className="flex cursor-pointer items-center gap-3 border-b border-border px-3 py-2 text-sm last:border-b-0 hover:bg-muted/60"
                >
                  <Checkbox checked={selected.has(service.slug)} onChange={(event) => toggle(service.slug, event.target.checked)} />
                  <span className="min-w-0 flex-1 truncate">{service.name}</span>
                  <span className="font-mono text-xs text-muted-foreground">{service.slug}</span>
                </label>
              ))}
            </fieldset>
            <DialogSubmitFooter pending={pending} submitDisabled={unchanged} onCancel={() => setOpen(false)} cancelVariant="ghost" cancelWhilePending>
              Save services
            </DialogSubmitFooter>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
