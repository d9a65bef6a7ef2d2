"use client";

import { useMutation, useMutationState } from "@tanstack/react-query";
import { useCallback } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import type { TimelineEventView } from "./incident-types";
import { errorMessage } from "./use-incident-update";
import { incidentApiPath, useTimelineSync } from "./use-incident-timeline";

interface HighlightVariables {
  event: TimelineEventView;
  highlighted: boolean;
}

interface EditVariables {
  event: TimelineEventView;
  body: string;
}

/** Highlighting any event and rewriting notes, with per-event pending state. */
export function useTimelineEventActions(ref: string) {
  const { replaceEvent } = useTimelineSync(ref);
  const eventPath = (id: string) => `${incidentApiPath(ref)}/timeline/${encodeURIComponent(id)}`;

  const highlight = useMutation({
    mutationKey: ["timeline-highlight", ref],
    mutationFn: ({ event, highlighted }: HighlightVariables) =>
      apiFetch<TimelineEventView>(eventPath(event.id), { method: "PATCH", body: { highlighted } }),
    // The star flips at once; a refusal puts it back.
    onMutate: ({ event, highlighted }) => replaceEvent({ ...event, highlighted }),
    onSuccess: (updated) => replaceEvent(updated),
    onError: (error, { event }) => {
      replaceEvent(event);
      toast.error(errorMessage(error));
    },
  });

  const edit = useMutation({
    mutationKey: ["timeline-edit", ref],
    mutationFn: ({ event, body }: EditVariables) => apiFetch<TimelineEventView>(eventPath(event.id), { method: "PATCH", body: { body } }),
    onSuccess: (updated) => {
      replaceEvent(updated);
      toast.success("Note updated");
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const highlighting = useMutationState({
    filters: { mutationKey: ["timeline-highlight", ref], status: "pending" },
    select: (mutation) => (mutation.state.variables as HighlightVariables).event.id,
  });
  const saving = useMutationState({
    filters: { mutationKey: ["timeline-edit", ref], status: "pending" },
    select: (mutation) => (mutation.state.variables as EditVariables).event.id,
  });

  // Stable across renders, so memoised rows do not re-render on every scroll frame.
  const { mutate: mutateHighlight } = highlight;
  const { mutateAsync: mutateEdit } = edit;
  const toggleHighlight = useCallback(
    (event: TimelineEventView) => mutateHighlight({ event, highlighted: !event.highlighted }),
    [mutateHighlight],
  );
  const saveNote = useCallback(
    (event: TimelineEventView, body: string) => mutateEdit({ event, body }).then(
      () => true,
      () => false,
    ),
    [mutateEdit],
  );

  return {
    toggleHighlight,
    saveNote,
    isHighlighting: (id: string) => highlighting.includes(id),
    isSaving: (id: string) => saving.includes(id),
  };
}
