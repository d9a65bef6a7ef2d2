import Link from "next/link";
import { SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";

export function IncidentListEmpty({ filtered, message }: { filtered: boolean; message?: string }) {
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-16 text-center">
      <span className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <SearchX aria-hidden className="size-5" />
      </span>
      <p className="font-medium">{message ?? (filtered ? "No incidents match these filters" : "No incidents yet")}</p>
      <p className="max-w-sm text-sm text-muted-foreground">
        {filtered ? "Try another status, severity or service, or search for a different term." : "Declared incidents will show up here, newest first."}
      </p>
      {filtered && (
        <Button asChild variant="outline" size="sm">
          <Link href="/incidents">Clear filters</Link>
        </Button>
      )}
    </div>
  );
}
