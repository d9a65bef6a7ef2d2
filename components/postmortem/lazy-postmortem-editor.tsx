"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The collaborative editor (tiptap, ProseMirror, Yjs, Hocuspocus: about 550 KB of the
 * postmortem page's 1.3 MB of JavaScript) in a chunk of its own. The server still renders
 * it and preloads its chunk, so nothing waits longer for it, but the rest of the page (the
 * review panel, action items) hydrates without waiting for the editor, and the page without
 * a postmortem yet never downloads it. The skeleton has the editor's frame while it loads.
 */
export const LazyPostmortemEditor = dynamic(() => import("./postmortem-editor").then((m) => m.PostmortemEditor), {
  loading: EditorSkeleton,
});

function EditorSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the editor" className="overflow-hidden rounded-lg border border-border bg-card shadow-xs">
      <div className="flex items-center justify-between border-b border-border px-3 py-1.5">
        <Skeleton className="h-6 w-28 rounded-full" />
        <Skeleton className="h-4 w-16" />
      </div>
      <div className="flex gap-1 border-b border-border px-2 py-1.5">
        {Array.from({ length: 12 }, (_, i) => (
          <Skeleton key={i} className="size-7" />
        ))}
      </div>
      <div className="flex min-h-[60vh] flex-col gap-3 px-6 py-5">
        <Skeleton className="h-6 w-1/3" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-4 w-5/6" />
        <Skeleton className="mt-4 h-6 w-1/4" />
        <Skeleton className="h-4 w-full" />
      </div>
    </div>
  );
}
