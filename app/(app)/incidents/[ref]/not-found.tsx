import Link from "next/link";
import { SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Unknown incident, or another organisation's: the same answer, so nothing leaks. */
export default function IncidentNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 px-4 py-24 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <SearchX aria-hidden className="size-6" />
      </span>
      <h1 className="text-xl font-semibold">Incident not found</h1>
      <p className="text-sm text-muted-foreground">
        There is no incident with this reference in your organisation. It may have been mistyped, or it belongs to another organisation.
      </p>
      <Button asChild variant="outline">
        <Link href="/incidents">Back to incidents</Link>
      </Button>
    </div>
  );
}
