import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";

const LABELS: Record<string, string> = { incident: "Incidents", postmortem: "Postmortems", runbook: "Runbooks", timeline: "Timeline notes" };

/** A plain GET form: the query lives in the address, so results can be shared and reloaded. */
export function SearchForm({ q, type, types }: { q: string; type: string; types: string[] }) {
  return (
    <form action="/search" method="get" role="search" className="mb-5 flex flex-wrap gap-2">
      <Input name="q" defaultValue={q} placeholder="dns timeout, certificate, KubePodCrashLooping…" aria-label="Search" className="min-w-64 flex-1" maxLength={500} />
      <NativeSelect name="type" defaultValue={type} aria-label="Type">
        <option value="">Everything</option>
        {types.map((t) => (
          <option key={t} value={t}>
            {LABELS[t] ?? t}
          </option>
        ))}
      </NativeSelect>
      <Button type="submit">Search</Button>
    </form>
  );
}
