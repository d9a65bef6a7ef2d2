import { eq } from "drizzle-orm";
import { organization } from "@/db/schema";
import type { Database } from "@/db/client";
import { SYSTEM_ACTOR } from "@/lib/core/actor";
import { createServiceContext, type ServiceContext } from "@/lib/services/context";
import { createOrganization } from "@/lib/services/organizations/create-organization";
import { addMember } from "@/lib/services/organizations/add-member";
import { createTeam } from "@/lib/services/catalog/create-team";
import { createService } from "@/lib/services/catalog/create-service";
import { DEMO_PEOPLE, DEMO_SERVICES, DEMO_TEAMS } from "./demo-catalog";
import { seedDemoIncidents } from "./demo-incidents";
import { seedDemoIngest } from "./demo-ingest";
import { seedDemoKnowledge } from "./demo-knowledge";
import { seedDemoPostmortem } from "./demo-postmortem";
import { seedDemoRegulatory } from "./demo-regulatory";
import { DEMO_LOGIN } from "@/lib/platform/demo-login";

export const DEMO_ORG = { slug: "demo", name: "Demo Bank" } as const;
export { DEMO_LOGIN };

/**
 * The demo organisation, created once: people with each role, teams, services and past
 * incidents with realistic timelines. Goes through the verbs, so its audit trail is real.
 */
export async function seedDemo(db: Database): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: organization.id }).from(organization).where(eq(organization.slug, DEMO_ORG.slug));
  if (existing) return { created: false };
  const seeder = { ...SYSTEM_ACTOR, label: "demo seed" };
  const org = await createOrganization(db, seeder, DEMO_ORG);
  const ctx: ServiceContext = createServiceContext({ db, actor: seeder, organizationId: org.id, role: "admin" });
  await addMember(ctx, { email: DEMO_LOGIN.email, name: "Dana Demo", role: "admin", password: DEMO_LOGIN.password });
  for (const person of DEMO_PEOPLE) await addMember(ctx, { ...person, password: DEMO_LOGIN.password });
  for (const team of DEMO_TEAMS) await createTeam(ctx, team);
  for (const service of DEMO_SERVICES) await createService(ctx, service);
  await seedDemoIncidents(ctx);
  await seedDemoIngest(ctx);
  await seedDemoKnowledge(ctx);
  await seedDemoPostmortem(ctx);
  await seedDemoRegulatory(ctx);
  return { created: true };
}
