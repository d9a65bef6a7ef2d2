"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Loader2, RotateCcw } from "lucide-react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { DeliveryView } from "./delivery-types";

const SIGNATURE_REASON = "Refused for its signature: a replay would skip that check. Fix the sender's secret and let it send again.";

function outcomeMessage(replay: DeliveryView): { ok: boolean; text: string } {
  switch (replay.status) {
    case "accepted":
      return { ok: true, text: `Replayed: accepted with ${replay.events} event${replay.events === 1 ? "" : "s"}.` };
    case "duplicate":
      return { ok: true, text: "Replayed: this was already received, so nothing new was stored." };
    default:
      return { ok: false, text: `Replay ${replay.status} again: ${replay.error ?? "no reason given"}` };
  }
}

/** Runs a stored delivery through the pipeline again, after the cause was fixed. */
export function ReplayDeliveryButton({ delivery }: { delivery: DeliveryView }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => apiFetch<DeliveryView>(`/api/v1/deliveries/${encodeURIComponent(delivery.id)}/replay`, { method: "POST" }),
    onSuccess: (replay) => {
      const outcome = outcomeMessage(replay);
      if (outcome.ok) toast.success(outcome.text);
      else toast.error(outcome.text);
      router.refresh();
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : "Could not replay the delivery."),
  });

  if (!delivery.replayable) {
    return (
      <Tooltip>
        <TooltipTrigger asChild>
          {/* aria-disabled rather than disabled: a disabled button gets no focus or hover, so its tooltip could never be read. */}
          <Button variant="outline" size="sm" aria-disabled="true" className="cursor-not-allowed opacity-50 hover:bg-background" onClick={(event) => event.preventDefault()}>
            <RotateCcw aria-hidden />
            Replay
          </Button>
        </TooltipTrigger>
        <TooltipContent>{SIGNATURE_REASON}</TooltipContent>
      </Tooltip>
    );
  }
  return (
    <Button variant="outline" size="sm" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
      {mutation.isPending ? <Loader2 aria-hidden className="animate-spin" /> : <RotateCcw aria-hidden />}
      Replay
    </Button>
  );
}
