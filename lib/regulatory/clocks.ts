import { gdprDeadlines, nis2Deadlines } from "./breach-clocks";
import type { ClockEvents, Deadline } from "./clock-types";
import { doraDeadlines } from "./dora-clocks";
import type { ClockEntity, Regime } from "./regimes";

export { deadlineStatus, type ClockEvents, type Deadline, type DeadlineStatus } from "./clock-types";

/** The deadlines of one regime for an incident, from its events and the reporting entity. */
export function computeDeadlines(regime: Regime, events: ClockEvents, entity: ClockEntity): Deadline[] {
  if (regime === "dora") return doraDeadlines(events, entity);
  if (regime === "nis2") return nis2Deadlines(events);
  return gdprDeadlines(events);
}
