"use client";

import { useEffect } from "react";
import { liveConnection } from "./live-connection";

/** Opens the tab's live-update stream for as long as the signed-in shell is on screen. */
export function LiveEventsProvider({ children }: { children: React.ReactNode }) {
  useEffect(() => liveConnection.retain(), []);
  return children;
}
