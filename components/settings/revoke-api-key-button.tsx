"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogSubmitFooter } from "@/components/ui/dialog-submit-footer";

export function RevokeApiKeyButton({ keyId, name }: { keyId: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: () => apiFetch(`/api/v1/api-keys/${encodeURIComponent(keyId)}`, { method: "DELETE" }),
    onSuccess: () => {
      toast.success(`API key ${name} revoked`);
      setOpen(false);
      router.refresh();
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : "Could not revoke the key."),
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" className="text-destructive hover:text-destructive">
          Revoke<span className="sr-only"> {name}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Revoke “{name}”?</DialogTitle>
          <DialogDescription>
            Anything using this key stops working immediately. This cannot be undone; create a new key if you need access again.
          </DialogDescription>
        </DialogHeader>
        <DialogSubmitFooter pending={mutation.isPending} onCancel={() => setOpen(false)} onConfirm={() => mutation.mutate()} destructive>
          Revoke key
        </DialogSubmitFooter>
      </DialogContent>
    </Dialog>
  );
}
