/**
 * Colours of the insights charts. Categories use a colour-blind-safe palette (Okabe–Ito)
 * in a fixed order, so a service keeps its colour across charts on one page; severities run
 * from red (SEV1) to grey (SEV4), as the severity badges do.
 */
export const CATEGORY_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F"] as const;

export const SEVERITY_COLOURS: Record<string, string> = {
  SEV1: "#C62828",
  SEV2: "#EF6C00",
  SEV3: "#F2B705",
  SEV4: "#78909C",
};

export const OTHER_COLOUR = "#B0BEC5";
export const FAILURE_COLOUR = "#C62828";
export const SUCCESS_COLOUR = "#2E7D32";
