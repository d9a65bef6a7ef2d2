/** The deliveries page's status tabs; the first (no `status` in the URL) is what needs attention. */
export const DELIVERY_TABS = [
  { value: "", label: "Rejected and failed" },
  { value: "rejected", label: "Rejected" },
  { value: "failed", label: "Failed" },
  { value: "all", label: "All" },
] as const;

export type DeliveryTab = (typeof DELIVERY_TABS)[number]["value"];
