"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/api-client";
import { fieldErrorsOf } from "@/components/ui/field-error";

/**
 * POST to /api/v1 from a form: pending state, 422 field errors kept for display, a toast
 * either way, and a refresh so the server-rendered list shows the new row. `method: "PUT"`
 * serves forms that create or replace a single resource (a connection, a setting), `"PATCH"`
 * forms that edit one.
 */
export interface CreateMutationOptions<TResult> {
  success: (result: TResult) => string;
  onSuccess?: (result: TResult) => void;
  method?: "POST" | "PUT" | "PATCH";
}

export function useCreateMutation<TBody, TResult>(path: string, { success, onSuccess, method = "POST" }: CreateMutationOptions<TResult>) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: TBody) => apiFetch<TResult>(path, { method, body }),
    onMutate: () => {
      setFieldErrors({});
      setFormError(null);
    },
    onSuccess: (result) => {
      toast.success(success(result));
      onSuccess?.(result);
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 422) {
        setFieldErrors(fieldErrorsOf(error));
        setFormError("Some fields need attention.");
        return;
      }
      const message = error instanceof Error ? error.message : "Something went wrong.";
      setFormError(message);
      toast.error(message);
    },
  });
  function reset() {
    setFieldErrors({});
    setFormError(null);
    mutation.reset();
  }
  return { mutation, fieldErrors, setFieldErrors, formError, reset };
}
