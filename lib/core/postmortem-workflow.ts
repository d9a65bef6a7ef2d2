import type { OrgRole } from "./roles";

/** draft → in_review → approved → published; reopening a published one starts a new draft revision. */
export const POSTMORTEM_STATUSES = ["draft", "in_review", "approved", "published"] as const;
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];

/** Four eyes: this many distinct reviewers, none of them an author, approve a revision. */
export const REQUIRED_APPROVALS = 2;

/** Text can change while drafting and in review; an approved or published revision is fixed. */
export function isEditableStatus(status: string): boolean {
  return status === "draft" || status === "in_review";
}

/** Who may review: anyone who may write incidents, and compliance staff, whose sign-off regulators expect. */
export function canReviewPostmortems(role: OrgRole): boolean {
  return role !== "viewer";
}

/** Who may publish (freeze and hash) or reopen a postmortem. */
export function canPublishPostmortems(role: OrgRole): boolean {
  return role === "editor" || role === "compliance" || role === "admin";
}

/** What an approval does to the status: the second distinct approval makes it approved. */
export function statusAfterApproval(approvalCount: number): PostmortemStatus {
  return approvalCount >= REQUIRED_APPROVALS ? "approved" : "in_review";
}
