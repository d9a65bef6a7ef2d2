/* The API's shapes for the action-item components; type-only, erased at build time. */
export type { ActionItemView } from "@/lib/services/action-items/views";
export type { MemberSummary } from "@/lib/services/organizations/views";

export const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export const STATUSES = [
  { value: "open", label: "Open" },
  { value: "in_progress", label: "In progress" },
  { value: "done", label: "Done" },
  { value: "wont_do", label: "Won't do" },
] as const;
