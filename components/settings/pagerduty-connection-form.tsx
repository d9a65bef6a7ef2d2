"use client";

import { useState } from "react";
import { Loader2 } from "lucide-react";
import type { PagerDutyConnectionView } from "@/lib/services/paging/views";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useCreateMutation } from "@/components/forms/use-create-mutation";
import { ConnectionField } from "@/components/settings/connection-field";

const DEFAULT_API_URL = "https://api.pagerduty.com";
const DEFAULT_EVENTS_URL = "https://events.pagerduty.com";

interface PagerDutyConnectionBody {
  apiToken: string;
  routingKey?: string;
  apiUrl?: string;
  eventsUrl?: string;
}

/**
 * Connects PagerDuty: a REST API token (who is on call, the service list) and an Events API v2
 * routing key (pages). Both are write-only; an empty routing key keeps the saved one.
 */
export function PagerDutyConnectionForm({ connection }: { connection: PagerDutyConnectionView }) {
  const [apiToken, setApiToken] = useState("");
  const [routingKey, setRoutingKey] = useState("");
  const [apiUrl, setApiUrl] = useState(connection.apiUrl && connection.apiUrl !== DEFAULT_API_URL ? connection.apiUrl : "");
  const [eventsUrl, setEventsUrl] = useState(connection.eventsUrl && connection.eventsUrl !== DEFAULT_EVENTS_URL ? connection.eventsUrl : "");
  const { mutation, fieldErrors, formError } = useCreateMutation<PagerDutyConnectionBody, PagerDutyConnectionView>("/api/v1/pagerduty-connection", {
    method: "PUT",
    success: (saved) => (saved.routingKeySet ? "PagerDuty connected; pages can be sent" : "PagerDuty connected; add a routing key to send pages"),
    onSuccess: () => {
      setApiToken("");
      setRoutingKey("");
    },
  });

  return (
    <form
      noValidate
      aria-label="PagerDuty connection"
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate({ apiToken, routingKey: routingKey.trim() || undefined, apiUrl: apiUrl.trim() || undefined, eventsUrl: eventsUrl.trim() || undefined });
      }}
    >
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <ConnectionField
          id="pagerduty-token"
          label="REST API token"
          error={fieldErrors.apiToken}
          hint="A read-only API key is enough (on-call, services, escalation policies). Stored encrypted, never shown again."
          type="password"
          required
          className="font-mono"
          value={apiToken}
          onChange={(event) => setApiToken(event.target.value)}
        />
        <ConnectionField
          id="pagerduty-routing-key"
          label={connection.routingKeySet ? "Events routing key (saved; leave empty to keep)" : "Events routing key"}
          error={fieldErrors.routingKey}
          hint="The 32-character integration key of an Events API v2 integration or Event Orchestration; pages are sent with it."
          type="password"
          className="font-mono"
          value={routingKey}
          onChange={(event) => setRoutingKey(event.target.value)}
        />
        <ConnectionField id="pagerduty-api-url" label="REST API URL (optional)" error={fieldErrors.apiUrl} hint="https://api.eu.pagerduty.com for EU accounts." type="url" inputMode="url" placeholder={DEFAULT_API_URL} value={apiUrl} onChange={(event) => setApiUrl(event.target.value)} />
        <ConnectionField id="pagerduty-events-url" label="Events API URL (optional)" error={fieldErrors.eventsUrl} hint="https://events.eu.pagerduty.com for EU accounts." type="url" inputMode="url" placeholder={DEFAULT_EVENTS_URL} value={eventsUrl} onChange={(event) => setEventsUrl(event.target.value)} />
      </div>
      <FormAlert message={formError} />
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending && <Loader2 aria-hidden className="animate-spin" />}
          {connection.connected ? "Replace token" : "Connect PagerDuty"}
        </Button>
      </div>
    </form>
  );
}
