"use client";

import { useState } from "react";
import { useCreateMutation, type CreateMutationOptions } from "./use-create-mutation";

/**
 * A dialog holding one form that writes through /api/v1: it closes when the write succeeds,
 * forgets the last attempt's errors when it is closed (so it reopens clean), and may seed its
 * local state each time it opens (`onOpen`). Field ids are `{idPrefix}-{field}`, and a field's
 * message is `{id}-error`, which its control names in aria-describedby while it is invalid.
 */
export function useFormDialog<TBody, TResult>(path: string, { idPrefix, onOpen, ...options }: CreateMutationOptions<TResult> & { idPrefix: string; onOpen?: () => void }) {
  const [open, setOpen] = useState(false);
  const form = useCreateMutation<TBody, TResult>(path, {
    ...options,
    onSuccess: (result) => {
      setOpen(false);
      options.onSuccess?.(result);
    },
  });
  const fieldId = (field: string) => `${idPrefix}-${field}`;
  return {
    ...form,
    /** Spread onto the Dialog. */
    dialog: {
      open,
      onOpenChange(next: boolean) {
        setOpen(next);
        if (next) onOpen?.();
        else form.reset();
      },
    },
    close: () => setOpen(false),
    fieldId,
    /** Spread onto a field's control: marks it invalid and points at its message while the API refused it. */
    invalid: (field: string) => (form.fieldErrors[field] ? { "aria-invalid": true as const, "aria-describedby": `${fieldId(field)}-error` } : {}),
    /** Spread onto the field's FieldError. */
    errorOf: (field: string) => ({ id: `${fieldId(field)}-error`, message: form.fieldErrors[field] }),
  };
}
