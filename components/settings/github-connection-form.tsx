"use client";

import { useState } from "react";
import { Loader2 } from "lucide-react";
import type { GitHubConnectionView } from "@/lib/services/github-connection/views";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useCreateMutation } from "@/components/forms/use-create-mutation";
import { ConnectionField } from "@/components/settings/connection-field";

const DEFAULT_API_URL = "https://api.github.com";

interface GitHubConnectionBody {
  token: string;
  apiUrl?: string;
  account?: string;
}

/**
 * Connects (or re-connects) the organisation's GitHub account. The API URL and account are
 * prefilled from the saved connection because a PUT replaces all three: a blank account
 * would otherwise wipe the label when an admin only meant to rotate the token.
 */
export function GitHubConnectionForm({ connection }: { connection: GitHubConnectionView }) {
  const [token, setToken] = useState("");
  // The default URL is shown as the placeholder, not as a value, so the field reads "optional".
  const [apiUrl, setApiUrl] = useState(connection.apiUrl && connection.apiUrl !== DEFAULT_API_URL ? connection.apiUrl : "");
  const [account, setAccount] = useState(connection.account ?? "");
  const { mutation, fieldErrors, formError } = useCreateMutation<GitHubConnectionBody, GitHubConnectionView>("/api/v1/github-connection", {
    method: "PUT",
    success: (saved) => (saved.account ? `GitHub connected as ${saved.account}` : "GitHub connected"),
    // The token is write-only: once saved it should not linger in the page.
    onSuccess: () => setToken(""),
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Blank optional fields are left out so the server applies its defaults.
    mutation.mutate({ token, apiUrl: apiUrl.trim() || undefined, account: account.trim() || undefined });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-label="GitHub connection">
      <ConnectionField
        id="github-token"
        label="Token"
        error={fieldErrors.token}
        hint="A fine-grained personal access token with read access to contents and read and write access to issues. It is stored encrypted and never shown again."
        type="password"
        required
        className="font-mono"
        value={token}
        onChange={(event) => setToken(event.target.value)}
      />
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <ConnectionField
          id="github-api-url"
          label="API URL (optional)"
          error={fieldErrors.apiUrl}
          hint="Only for GitHub Enterprise Server, e.g. https://github.example.com/api/v3."
          type="url"
          inputMode="url"
          placeholder={DEFAULT_API_URL}
          value={apiUrl}
          onChange={(event) => setApiUrl(event.target.value)}
        />
        <ConnectionField
          id="github-account"
          label="Account or owner (optional)"
          error={fieldErrors.account}
          hint="A label so others know whose token this is."
          maxLength={200}
          placeholder="e.g. demo-bank"
          value={account}
          onChange={(event) => setAccount(event.target.value)}
        />
      </div>
      <FormAlert message={formError} />
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending && <Loader2 aria-hidden className="animate-spin" />}
          {connection.connected ? "Replace token" : "Connect GitHub"}
        </Button>
      </div>
    </form>
  );
}
