export { actionItemCounts } from "./action-item-counts";
export { deliveryHealth } from "./delivery-health";
export { incidentTrends, keyTimeGroups, type IncidentFilter } from "./incident-metrics";
export { regulatoryCounts } from "./regulatory-counts";
export { resolveScope } from "./scope";
export { serviceHealth } from "./health-signals";
export { digestActionItemsDue, digestAlerts, digestChanges, digestIncidents } from "./digest-queries";
