import type { ApiError } from "@/components/api-client";

/**
 * Field messages from a 422 answer's `details`, keyed by every prefix of the field path:
 * a form with one input for `services` finds `services.2`'s message under `services`, and
 * one with an input per part (`workingHours.start`) finds it under its own path. The first
 * message for a key wins.
 */
export function fieldErrorsOf(error: ApiError | null | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const detail of error?.details ?? []) {
    const segments = detail.field.split(".");
    for (let n = 1; n <= segments.length; n++) errors[segments.slice(0, n).join(".")] ??= detail.message;
  }
  return errors;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-xs font-medium text-destructive">
      {message}
    </p>
  );
}
