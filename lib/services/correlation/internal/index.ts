export { correlateAlerts, type OpenIncidentCache } from "./alert-correlation";
export { loadCorrelationSettings } from "./correlation-settings";
export { applyPagerDutyEvent } from "./pagerduty-mirror";
