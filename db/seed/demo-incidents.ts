import type { ServiceContext } from "@/lib/services/context";

/** Past incidents with realistic timelines (filled in by the seed content). */
export async function seedDemoIncidents(_ctx: ServiceContext): Promise<void> {}
