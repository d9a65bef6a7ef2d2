import { BookOpen, ExternalLink } from "lucide-react";
import type { AlertView } from "./alert-types";

/** A small link to another tool (runbook, alert source), opening in a new tab. */
function ExternalTextLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer noopener"
      className="inline-flex items-center gap-1 rounded-sm text-xs font-medium text-primary outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
    >
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

/** An alert's runbook and its source (the rule or dashboard that fired it), where it has them. */
export function AlertSourceLinks({ alert }: { alert: Pick<AlertView, "runbookUrl" | "generatorUrl"> }) {
  return (
    <>
      {alert.runbookUrl && (
        <ExternalTextLink href={alert.runbookUrl}>
          <BookOpen aria-hidden className="size-3.5" />
          Runbook
        </ExternalTextLink>
      )}
      {alert.generatorUrl && (
        <ExternalTextLink href={alert.generatorUrl}>
          <ExternalLink aria-hidden className="size-3.5" />
          Source
        </ExternalTextLink>
      )}
    </>
  );
}
