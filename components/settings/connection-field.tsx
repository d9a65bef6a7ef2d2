import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** One labelled input of a connection form with its 422 message and a hint; secrets and URLs are not spell-checked or autofilled. */
export function ConnectionField({ id, label, error, hint, ...input }: { id: string; label: string; error?: string; hint: string } & React.ComponentProps<typeof Input>) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} autoComplete="off" spellCheck={false} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`} {...input} />
      <FieldError id={`${id}-error`} message={error} />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {hint}
      </p>
    </div>
  );
}
