"use client";

import { Loader2, UserPlus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { FormAlert } from "@/components/forms/form-alert";
import { useCreateMutation } from "@/components/forms/use-create-mutation";
import { RoleOptions } from "./role-options";

interface AddMemberBody {
  email: string;
  name?: string;
  role: string;
  password?: string;
}

export function AddMemberForm() {
  const { mutation, fieldErrors, formError } = useCreateMutation<AddMemberBody, { email: string; createdUser: boolean }>("/api/v1/members", {
    success: (member) => (member.createdUser ? `${member.email} added` : `${member.email} added to this organisation`),
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get("name") ?? "").trim();
    const password = String(form.get("password") ?? "");
    mutation.mutate(
      { email: String(form.get("email") ?? "").trim(), name: name || undefined, role: String(form.get("role") ?? "viewer"), password: password || undefined },
      { onSuccess: () => formElement.reset() },
    );
  }

  const invalid = (field: string) => (fieldErrors[field] ? { "aria-invalid": true as const, "aria-describedby": `member-${field}-error` } : {});

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="member-email">Email</Label>
          <Input id="member-email" name="email" type="email" required autoComplete="off" placeholder="name@company.example" {...invalid("email")} />
          <FieldError id="member-email-error" message={fieldErrors.email} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="member-name">Name</Label>
          <Input id="member-name" name="name" autoComplete="off" placeholder="Full name" {...invalid("name")} />
          <FieldError id="member-name-error" message={fieldErrors.name} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="member-role">Role</Label>
          <NativeSelect id="member-role" name="role" defaultValue="responder" {...invalid("role")}>
            <RoleOptions />
          </NativeSelect>
          <FieldError id="member-role-error" message={fieldErrors.role} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="member-password">Password</Label>
          <Input
            id="member-password"
            name="password"
            type="password"
            autoComplete="new-password"
            aria-describedby={fieldErrors.password ? "member-password-error" : "member-password-hint"}
            aria-invalid={fieldErrors.password ? true : undefined}
          />
          <p id="member-password-hint" className="text-xs text-muted-foreground">
            Optional. At least 8 characters; leave empty for people who sign in another way.
          </p>
          <FieldError id="member-password-error" message={fieldErrors.password} />
        </div>
      </div>
      <FormAlert message={formError} />
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? <Loader2 aria-hidden className="animate-spin" /> : <UserPlus aria-hidden />}
          Add member
        </Button>
      </div>
    </form>
  );
}
