/** How far before onset "What changed" looks: the choices, and the default (the API's too). */
export const LOOKBACK_OPTIONS = [
  { minutes: 30, label: "30 min" },
  { minutes: 120, label: "2 h" },
  { minutes: 360, label: "6 h" },
  { minutes: 1440, label: "24 h" },
  { minutes: 4320, label: "3 days" },
  { minutes: 20160, label: "14 days" },
] as const;

export const DEFAULT_LOOKBACK_MINUTES = 120;
