import { markNavigationStart } from "@/components/live/navigation-start";

/** Next.js calls this as a client-side navigation begins (not on a full load, nor on router.refresh). */
export function onRouterTransitionStart(): void {
  markNavigationStart();
}
