export { correlateAlerts, type OpenIncidentCache } from "./alert-correlation";
export { loadCorrelationSettings, type CorrelationSettings } from "./correlation-settings";
export { applyPagerDutyEvent } from "./pagerduty-mirror";
