import type { ApiError } from "@/components/api-client";

/** Field messages from a 422 answer's `details`, keyed by the first segment of the field path. */
export function fieldErrorsOf(error: ApiError | null | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const detail of error?.details ?? []) {
    const field = detail.field.split(".")[0] ?? detail.field;
    errors[field] ??= detail.message;
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
