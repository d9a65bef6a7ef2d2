import { memo, type ComponentProps } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/components/ui/class-names";

/*
 * Markdown written by people (summaries, notes, runbooks) is untrusted input shown to
 * everybody in the organisation. Raw HTML is never rendered (no rehype-raw), and
 * react-markdown's default urlTransform empties `javascript:`/`data:` URLs, which the
 * components below then render as plain text instead of links.
 */
const COMPONENTS: Components = {
  a({ node: _node, href, children, ...props }) {
    if (!href) return <span>{children}</span>;
    return (
      <a {...props} href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    );
  },
  // Remote images would leak who reads an incident (and when) to whoever hosts them, and
  // the CSP blocks them anyway: show them as links. Logbook's own API paths (images captured
  // from Slack, served to signed-in readers only, and nothing else of the API) are shown.
  img({ src, alt }) {
    const url = typeof src === "string" ? src : "";
    const label = alt || url || "image";
    if (!url) return <span>{label}</span>;
    if (/^\/api\/v1\/incidents\/[A-Za-z0-9-]+\/slack\/files\/[A-Za-z0-9]+$/.test(url)) {
      // eslint-disable-next-line @next/next/no-img-element -- a same-origin API image, not a static asset for next/image
      return <img src={url} alt={alt ?? ""} loading="lazy" className="max-h-96 max-w-full rounded border" />;
    }
    return (
      <a href={url} target="_blank" rel="noopener noreferrer nofollow">
        {label}
      </a>
    );
  },
  table({ node: _node, ...props }) {
    return (
      <div className="overflow-x-auto">
        <table {...props} />
      </div>
    );
  },
};

export interface MarkdownViewProps {
  children: string;
  className?: string;
  /** Text shown when the source is empty. */
  empty?: string;
}

/**
 * Renders untrusted Markdown (GitHub flavoured) safely, in the app's typography. Memoised
 * because parsing is the expensive part and lists re-render far more often than text changes.
 */
export const MarkdownView = memo(function MarkdownView({ children, className, empty }: MarkdownViewProps) {
  if (!children.trim()) {
    return empty ? <p className={cn("text-sm italic text-muted-foreground", className)}>{empty}</p> : null;
  }
  return (
    <div className={cn(MARKDOWN_CLASSES, className)}>
      <ReactMarkdown remarkPlugins={REMARK_PLUGINS} components={COMPONENTS}>
        {children}
      </ReactMarkdown>
    </div>
  );
});

interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
}

/**
 * Responders paste log lines such as `<nil>` or `<html>` error pages; dropping them would
 * lose what they wrote. Raw HTML becomes literal text, which React escapes.
 */
function remarkHtmlAsText() {
  const walk = (node: MarkdownNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return (tree: MarkdownNode) => walk(tree);
}

const REMARK_PLUGINS: ComponentProps<typeof ReactMarkdown>["remarkPlugins"] = [remarkGfm, remarkHtmlAsText];

const MARKDOWN_CLASSES =
  "prose prose-sm max-w-none break-words text-foreground prose-headings:text-foreground prose-headings:font-semibold prose-p:my-1.5 prose-ul:my-1.5 prose-ol:my-1.5 prose-li:my-0.5 prose-pre:my-2 prose-pre:bg-muted prose-pre:text-foreground prose-code:rounded prose-code:bg-muted prose-code:px-1 prose-code:py-0.5 prose-code:font-normal prose-code:before:content-none prose-code:after:content-none [&_pre_code]:bg-transparent [&_pre_code]:p-0 prose-a:text-primary prose-a:underline-offset-2 prose-blockquote:text-muted-foreground prose-strong:text-foreground [&_ul.contains-task-list]:list-none [&_ul.contains-task-list]:pl-1 [&_li.task-list-item]:pl-0 [&_li.task-list-item_input]:mr-2 [&_li.task-list-item_input]:align-middle";
