"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";

/** Quiet on purpose: deleting is the rare action, and it asks first. */
export function DeleteRunbookButton({ id }: { id: string }) {
  const router = useRouter();
  const remove = async () => {
    if (!window.confirm("Delete this runbook? Ticks recorded on incidents are kept on their timelines.")) return;
    try {
      await apiFetch(`/api/v1/runbooks/${id}`, { method: "DELETE" });
      router.push("/runbooks");
      router.refresh();
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "Could not delete.");
    }
  };
  return (
    <Button variant="ghost" size="sm" className="text-destructive hover:bg-destructive/10 hover:text-destructive" onClick={() => void remove()}>
      <Trash2 aria-hidden />
      Delete
    </Button>
  );
}
