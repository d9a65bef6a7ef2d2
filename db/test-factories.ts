import type { Database } from "./client";
import { SYSTEM_ACTOR, userActor } from "@/lib/core/actor";
import { ORG_ROLES, type OrgRole } from "@/lib/core/roles";
import { createServiceContext, type ServiceContext } from "@/lib/services/context";
import { createOrganization } from "@/lib/services/organizations/create-organization";
import { addMember } from "@/lib/services/organizations/add-member";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";

export const TEST_PASSWORD = "correct-horse-battery";

export interface TestOrganization {
  id: string;
  slug: string;
  /** A verb context per role, acting as that role's user. */
  as: Record<OrgRole, ServiceContext>;
  users: Record<OrgRole, { id: string; email: string; name: string }>;
  /** An API key per role. */
  keys: Record<OrgRole, string>;
}

/** An organisation with one user and one API key for every role. */
export async function createTestOrganization(db: Database, slug: string): Promise<TestOrganization> {
  const org = await createOrganization(db, SYSTEM_ACTOR, { slug, name: `Org ${slug}` });
  const system = createServiceContext({ db, actor: SYSTEM_ACTOR, organizationId: org.id, role: "admin" });
  const as = {} as TestOrganization["as"];
  const users = {} as TestOrganization["users"];
  const keys = {} as TestOrganization["keys"];
  for (const role of ORG_ROLES) {
    const email = `${role}@${slug}.example`;
    const m = await addMember(system, { email, name: `${role} of ${slug}`, role, password: TEST_PASSWORD });
    users[role] = { id: m.userId, email, name: m.name };
    as[role] = createServiceContext({ db, actor: userActor({ id: m.userId, name: m.name, email }), organizationId: org.id, role });
    keys[role] = (await createApiKey(system, { name: `${role}-key`, role })).key;
  }
  return { id: org.id, slug, as, users, keys };
}
