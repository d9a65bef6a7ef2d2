"use client";

import { useEffect, useState } from "react";
import { Check, Copy } from "lucide-react";
import { toast } from "sonner";
import { Button, type ButtonProps } from "@/components/ui/button";

/** Copies `value` to the clipboard; `label` names what is copied for screen readers and the toast. */
export function CopyButton({ value, label, children, variant = "outline", size = "sm", ...props }: { value: string; label: string } & Omit<ButtonProps, "onClick" | "value">) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`${label} copied`);
    } catch {
      toast.error("Could not copy; select the text and copy it by hand.");
    }
  }
  return (
    <Button type="button" variant={variant} size={size} onClick={copy} aria-label={children ? undefined : `Copy ${label.toLowerCase()}`} {...props}>
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {children && (copied ? "Copied" : children)}
    </Button>
  );
}
