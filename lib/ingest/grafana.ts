import { z } from "zod";
import { alertGroupShape, groupedAlertSchema, normaliseGroupedAlert } from "./alert-group";
import { contentHash } from "./digests";
import { parseJsonPayload, presentText } from "./payload";
import { verifyBearer } from "./signatures";
import type { IngestAdapter, ParsedDelivery, RawDelivery } from "./types";

/**
 * Grafana unified alerting's webhook contact point: the Alertmanager format plus `orgId`,
 * `state`, `title`, `message` at the top and `silenceURL`, `dashboardURL`, `panelURL`,
 * `imageURL`, `values`, `valueString` on each alert.
 */
const grafanaAlert = groupedAlertSchema.extend({
  silenceURL: z.string().nullish(),
  dashboardURL: z.string().nullish(),
  panelURL: z.string().nullish(),
  imageURL: z.string().nullish(),
});

const grafanaPayload = z.looseObject({
  ...alertGroupShape,
  alerts: z.array(grafanaAlert),
  orgId: z.number().nullish(),
  state: z.string().nullish(),
  title: z.string().nullish(),
});

const LINKS = { silence: "silenceURL", dashboard: "dashboardURL", panel: "panelURL", image: "imageURL" } as const;

export const grafanaAdapter: IngestAdapter = {
  source: "grafana",
  verify: (raw, secret) => verifyBearer(raw.headers, secret),
  parse(raw: RawDelivery): ParsedDelivery {
    const payload = parseJsonPayload(raw.body, grafanaPayload, "Grafana alerting webhook");
    return {
      eventType: payload.status,
      dedupKey: contentHash(raw.body),
      events: payload.alerts.map((alert, index) => {
        const normalised = normaliseGroupedAlert(alert, { groupStatus: payload.status, receivedAt: raw.receivedAt, path: `alerts[${index}]` });
        const links: Record<string, string> = {};
        for (const [name, field] of Object.entries(LINKS)) {
          const url = presentText(alert[field]);
          if (url) links[name] = url;
        }
        return Object.keys(links).length > 0 ? { ...normalised, links } : normalised;
      }),
    };
  },
};
