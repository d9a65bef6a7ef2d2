/** draft → in_review → approved → published; reopening a published one starts a new draft revision. */
export const POSTMORTEM_STATUSES = ["draft", "in_review", "approved", "published"] as const;
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];

/** Four eyes: this many distinct reviewers, none of them an author, approve a revision. */
export const REQUIRED_APPROVALS = 2;

/** Text can change while drafting and in review; an approved or published revision is fixed. */
export function isEditableStatus(status: string): boolean {
  return status === "draft" || status === "in_review";
}

/** What an approval does to the status: the second distinct approval makes it approved. */
export function statusAfterApproval(approvalCount: number): PostmortemStatus {
  return approvalCount >= REQUIRED_APPROVALS ? "approved" : "in_review";
}
