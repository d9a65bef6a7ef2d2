import { Fragment } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { SetupSnippet } from "./integration-types";

/** `code` spans in a step, as the snippets write them. */
function StepText({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`)/g);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 2 ? (
          <code key={index} className="rounded bg-muted px-1 py-0.5 font-mono text-[0.85em] [overflow-wrap:anywhere]">
            {part.slice(1, -1)}
          </code>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** The ready-to-paste configuration for the sender, with the steps to apply it. */
export function SetupSnippetView({ setup, headingLevel = 3 }: { setup: SetupSnippet; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="flex min-w-0 flex-col gap-3" data-testid="setup-snippet">
      <div className="flex items-center justify-between gap-2">
        <Heading className="text-sm font-semibold">{setup.title}</Heading>
        <CopyButton value={setup.body} label="Snippet">
          Copy snippet
        </CopyButton>
      </div>
      <pre
        tabIndex={0}
        aria-label={`${setup.title} (${setup.format})`}
        className="max-h-80 overflow-auto rounded-md border border-border bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100 outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <code>{setup.body}</code>
      </pre>
      <ol className="flex list-decimal flex-col gap-1.5 pl-5 text-sm text-muted-foreground marker:text-xs marker:font-medium marker:text-foreground">
        {setup.steps.map((step, index) => (
          <li key={index} className="pl-1 [overflow-wrap:anywhere]">
            <StepText text={step} />
          </li>
        ))}
      </ol>
    </div>
  );
}
