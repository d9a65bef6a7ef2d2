"use client";

import { useState } from "react";
import { Loader2 } from "lucide-react";
import type { OrgRole } from "@/lib/core/roles";
import type { SsoSettingsView } from "@/lib/services/sso/views";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Checkbox } from "@/components/ui/checkbox";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { FormAlert } from "@/components/forms/form-alert";
import { useCreateMutation } from "@/components/forms/use-create-mutation";
import { RoleOptions } from "./role-options";

interface SsoBody {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim?: string;
  roleMapping?: Record<string, OrgRole>;
  defaultRole: OrgRole;
  passwordSignInDisabled: boolean;
}

/** "claim value = role" per line, as people write such tables; unparseable lines are kept for the error. */
function parseMapping(text: string): { mapping: Record<string, OrgRole>; bad: string[] } {
  const mapping: Record<string, OrgRole> = {};
  const bad: string[] = [];
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const at = line.lastIndexOf("=");
    if (at <= 0) bad.push(line);
    else mapping[line.slice(0, at).trim()] = line.slice(at + 1).trim() as OrgRole;
  }
  return { mapping, bad };
}

const formatMapping = (mapping: Record<string, string>) =>
  Object.entries(mapping)
    .map(([value, role]) => `${value} = ${role}`)
    .join("\n");

/** Sets the organisation's OIDC identity provider; the client secret is write-only. */
export function SsoSettingsForm({ settings }: { settings: SsoSettingsView | null }) {
  const [issuer, setIssuer] = useState(settings?.issuer ?? "");
  const [clientId, setClientId] = useState(settings?.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [roleClaim, setRoleClaim] = useState(settings?.roleClaim ?? "groups");
  const [mappingText, setMappingText] = useState(formatMapping(settings?.roleMapping ?? {}));
  const [defaultRole, setDefaultRole] = useState<OrgRole>((settings?.defaultRole as OrgRole) ?? "viewer");
  const [passwordOff, setPasswordOff] = useState(settings?.passwordSignInDisabled ?? false);
  const [mappingError, setMappingError] = useState<string | null>(null);
  const { mutation, fieldErrors, formError } = useCreateMutation<SsoBody, SsoSettingsView>("/api/v1/sso", {
    method: "PUT",
    success: () => "Single sign-on saved",
    onSuccess: () => setClientSecret(""),
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { mapping, bad } = parseMapping(mappingText);
    if (bad.length > 0) {
      setMappingError(`Write each line as "claim value = role": ${bad.join(", ")}`);
      return;
    }
    setMappingError(null);
    const hasMapping = Object.keys(mapping).length > 0;
    mutation.mutate({
      issuer: issuer.trim(),
      clientId: clientId.trim(),
      clientSecret,
      roleClaim: hasMapping ? roleClaim.trim() || undefined : undefined,
      roleMapping: hasMapping ? mapping : undefined,
      defaultRole,
      passwordSignInDisabled: passwordOff,
    });
  }

  const field = (id: string, error?: string) => ({ id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined });
  const mappingFieldError = mappingError ?? Object.entries(fieldErrors).find(([key]) => key.startsWith("roleMapping"))?.[1];

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label="Single sign-on">
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5 sm:col-span-2">
          <Label htmlFor="sso-issuer">Issuer URL</Label>
          <Input {...field("sso-issuer", fieldErrors.issuer)} type="url" required spellCheck={false} placeholder="https://login.bank.example/realms/staff" value={issuer} onChange={(e) => setIssuer(e.target.value)} />
          <FieldError id="sso-issuer-error" message={fieldErrors.issuer} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="sso-client-id">Client ID</Label>
          <Input {...field("sso-client-id", fieldErrors.clientId)} required autoComplete="off" spellCheck={false} value={clientId} onChange={(e) => setClientId(e.target.value)} />
          <FieldError id="sso-client-id-error" message={fieldErrors.clientId} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="sso-client-secret">Client secret</Label>
          <Input {...field("sso-client-secret", fieldErrors.clientSecret)} type="password" required autoComplete="off" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} />
          <FieldError id="sso-client-secret-error" message={fieldErrors.clientSecret} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="sso-role-claim">Role claim</Label>
          <Input {...field("sso-role-claim", fieldErrors.roleClaim)} spellCheck={false} placeholder="groups" value={roleClaim} onChange={(e) => setRoleClaim(e.target.value)} />
          <FieldError id="sso-role-claim-error" message={fieldErrors.roleClaim} />
          <p className="text-xs text-muted-foreground">The claim (in the ID token or userinfo) whose values pick the role.</p>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="sso-default-role">Default role</Label>
          <NativeSelect {...field("sso-default-role", fieldErrors.defaultRole)} value={defaultRole} onChange={(e) => setDefaultRole(e.target.value as OrgRole)}>
            <RoleOptions />
          </NativeSelect>
          <p className="text-xs text-muted-foreground">For people whose claim matches no line below.</p>
        </div>
        <div className="flex flex-col gap-1.5 sm:col-span-2">
          <Label htmlFor="sso-role-mapping">Role mapping</Label>
          <Textarea {...field("sso-role-mapping", mappingFieldError)} rows={4} spellCheck={false} className="font-mono text-xs" placeholder={"logbook-admins = admin\nsre = responder\ncompliance = compliance"} value={mappingText} onChange={(e) => setMappingText(e.target.value)} />
          <FieldError id="sso-role-mapping-error" message={mappingFieldError} />
          <p className="text-xs text-muted-foreground">One line per claim value; someone with several values gets the highest role. Roles are updated at every sign-in.</p>
        </div>
      </div>
      <label className="flex items-start gap-2 text-sm">
        <Checkbox className="mt-0.5" checked={passwordOff} onChange={(e) => setPasswordOff(e.target.checked)} />
        <span>
          Members sign in through the identity provider only
          <span className="block text-xs text-muted-foreground">Password sign-in is refused for members of this organisation. Try single sign-on first.</span>
        </span>
      </label>
      <FormAlert message={formError} />
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending && <Loader2 aria-hidden className="animate-spin" />}
          {settings ? "Save single sign-on" : "Set up single sign-on"}
        </Button>
      </div>
    </form>
  );
}
