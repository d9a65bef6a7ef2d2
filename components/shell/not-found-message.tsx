import Link from "next/link";
import { FileQuestion } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The 404 body, shared by the bare root page and the one inside the signed-in shell. */
export function NotFoundMessage() {
  return (
    <div className="flex min-h-[60vh] items-center justify-center px-4 py-16">
      <div className="flex max-w-md flex-col items-center gap-4 text-center">
        <span className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <FileQuestion aria-hidden className="size-6" />
        </span>
        <h1 className="text-2xl font-semibold tracking-tight">Not found</h1>
        <p className="text-sm text-muted-foreground">
          There is nothing here, or it belongs to an organisation you are not part of. Check the link, or go back to the list.
        </p>
        <Button asChild variant="outline">
          <Link href="/incidents">Go to the incident list</Link>
        </Button>
      </div>
    </div>
  );
}
