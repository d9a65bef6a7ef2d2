import type { Actor } from "@/lib/core/actor";
import type { OrgRole, Permission } from "@/lib/core/roles";

export interface OrganizationView {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: string;
  createdUser: boolean;
}

export interface MemberSummary {
  userId: string;
  name: string;
  email: string;
  role: string;
}

/** Who the caller is to Logbook (`GET /api/v1/me`). */
export interface CallerView {
  actor: Actor;
  organization: { id: string; slug: string; name: string } | undefined;
  role: OrgRole;
  permissions: Permission[];
}
