import type * as React from "react";
import { Loader2 } from "lucide-react";
import { Button } from "./button";
import { DialogFooter } from "./dialog";

// The footer every form dialog ends with: Cancel, then the submit button with a spinner while the
// request is in flight. Without onConfirm the submit button submits the enclosing form.
export function DialogSubmitFooter({
  pending,
  onCancel,
  onConfirm,
  submitDisabled = false,
  destructive = false,
  cancelVariant = "outline",
  cancelWhilePending = false,
  children,
}: {
  pending: boolean;
  onCancel: () => void;
  /** Click handler for a confirmation dialog that has no form; the submit button becomes type="button". */
  onConfirm?: () => void;
  /** Disables the submit button on top of `pending` (nothing changed, required field empty). */
  submitDisabled?: boolean;
  destructive?: boolean;
  cancelVariant?: "outline" | "ghost";
  /** Leaves Cancel enabled while the request is pending. */
  cancelWhilePending?: boolean;
  /** The submit button's label. */
  children: React.ReactNode;
}) {
  return (
    <DialogFooter>
      <Button type="button" variant={cancelVariant} onClick={onCancel} disabled={cancelWhilePending ? undefined : pending}>
        Cancel
      </Button>
      <Button
        type={onConfirm ? "button" : "submit"}
        variant={destructive ? "destructive" : undefined}
        onClick={onConfirm}
        disabled={pending || submitDisabled}
      >
        {pending && <Loader2 aria-hidden className="animate-spin" />}
        {children}
      </Button>
    </DialogFooter>
  );
}
