import type { HealthState } from "@/lib/insights/service-health";
import type { TeamHealthView } from "@/lib/services/insights/views";
import { HealthBadge, HealthReasons } from "./health-state";

const ORDER: Record<HealthState, number> = { red: 0, amber: 1, green: 2 };

function counts(team: TeamHealthView): string {
  const by = (state: HealthState) => team.services.filter((s) => s.state === state).length;
  return [`${by("red")} red`, `${by("amber")} amber`, `${by("green")} green`].join(" · ");
}

/** Every service grouped by team, worst first within a team, each with its reasons. */
export function HealthBoard({ teams }: { teams: TeamHealthView[] }) {
  return (
    <div className="flex flex-col gap-6">
      {teams.map((team) => (
        <section key={team.team ?? "none"} aria-labelledby={`team-${team.team ?? "none"}`} data-testid="health-team" className="flex flex-col gap-2">
          <h2 id={`team-${team.team ?? "none"}`} className="flex flex-wrap items-baseline gap-x-3 text-sm font-semibold">
            {team.teamName ?? team.team ?? "No owning team"}
            <span className="text-xs font-normal text-muted-foreground">{counts(team)}</span>
          </h2>
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {[...team.services]
              .sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.name.localeCompare(b.name))
              .map((service) => (
                <li key={service.service} data-testid="health-service" data-service={service.service} className="flex flex-col gap-2 rounded-lg border border-border bg-card p-3 shadow-xs">
                  <div className="flex items-center justify-between gap-2">
                    <span className="min-w-0 truncate text-sm font-medium" title={service.service}>
                      {service.name}
                    </span>
                    <HealthBadge state={service.state} />
                  </div>
                  <HealthReasons reasons={service.reasons} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
