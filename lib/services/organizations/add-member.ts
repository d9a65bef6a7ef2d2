import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import { account, member, user } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { addMemberInput } from "./inputs";
import type { MemberView } from "./views";

/**
 * Adds a person to the organisation with a role, creating their user (with an email and
 * password login, hashed by better-auth) when they do not exist yet.
 */
export async function addMember(ctx: ServiceContext, rawInput: unknown): Promise<MemberView> {
  requirePermission(ctx, "settings:manage");
  const input = parseInput(addMemberInput, rawInput);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return withTransaction(ctx, async (tx) => {
    let [existing] = await tx.select().from(user).where(eq(user.email, input.email));
    const createdUser = !existing;
    if (!existing) {
      [existing] = await tx
        .insert(user)
        .values({ id: randomUUID(), email: input.email, name: input.name ?? input.email.split("@")[0]!, emailVerified: true })
        .returning();
    }
    const person = existing!;
    if (passwordHash) {
      const [credential] = await tx
        .select({ id: account.id })
        .from(account)
        .where(and(eq(account.userId, person.id), eq(account.providerId, "credential")));
      if (credential) await tx.update(account).set({ password: passwordHash, updatedAt: new Date() }).where(eq(account.id, credential.id));
      else await tx.insert(account).values({ id: randomUUID(), accountId: person.id, providerId: "credential", userId: person.id, password: passwordHash });
    }
    const inserted = await tx
      .insert(member)
      .values({ id: randomUUID(), organizationId: ctx.organizationId, userId: person.id, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw new ConflictError(`${input.email} is already a member of this organisation.`, "already_member");
    const view = { userId: person.id, email: person.email, name: person.name, role: input.role, createdUser };
    await recordAudit(tx, { ...auditFrom(ctx), action: "member.added", targetType: "user", targetId: person.id, after: { email: view.email, role: view.role } });
    return view;
  });
}
