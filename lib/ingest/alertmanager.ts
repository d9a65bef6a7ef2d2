import { z } from "zod";
import { alertGroupShape, normaliseGroupedAlert } from "./alert-group";
import { contentHash } from "./digests";
import { parseJsonPayload } from "./payload";
import { verifyBearer } from "./signatures";
import type { IngestAdapter, ParsedDelivery, RawDelivery } from "./types";

/**
 * Prometheus Alertmanager `webhook_config` (payload version 4). One delivery is one
 * notification for a group: several alerts, firing and resolved mixed. Alertmanager gives
 * the notification no id, and resends an identical body only when nothing changed, so the
 * body's hash is the dedup key.
 */
const alertmanagerPayload = z.looseObject({
  ...alertGroupShape,
  version: z.string().nullish(),
  truncatedAlerts: z.number().nullish(),
});

export const alertmanagerAdapter: IngestAdapter = {
  source: "alertmanager",
  verify: (raw, secret) => verifyBearer(raw.headers, secret),
  parse(raw: RawDelivery): ParsedDelivery {
    const payload = parseJsonPayload(raw.body, alertmanagerPayload, "Alertmanager webhook");
    return {
      eventType: payload.status,
      dedupKey: contentHash(raw.body),
      events: payload.alerts.map((alert, index) =>
        normaliseGroupedAlert(alert, { groupStatus: payload.status, receivedAt: raw.receivedAt, path: `alerts[${index}]` }),
      ),
    };
  },
};
