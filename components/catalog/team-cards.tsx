import type { ServiceView, TeamView } from "@/lib/services/catalog/views";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SlackTeamChannelView, TeamSlackView } from "@/lib/services/slack/views";
import { TeamSettingsDialog } from "@/components/catalog/team-settings-dialog";
import { TeamSlackDialog } from "@/components/catalog/team-slack-dialog";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Mon–Fri 09:00–17:00": consecutive days as a range, others listed. */
function workingHoursLabel({ start, end, days }: TeamView["workingHours"]): string {
  const consecutive = days.length > 2 && days.every((day, index) => index === 0 || day === days[index - 1]! + 1);
  const named = consecutive ? `${WEEKDAYS[days[0]! - 1]}–${WEEKDAYS[days[days.length - 1]! - 1]}` : days.map((day) => WEEKDAYS[day - 1]).join(", ");
  return `${named} ${start}–${end}`;
}

/** "#C0PAY · changes · digest 08:30": what the team's channel hears, on the team card. */
function teamSlackLabel(subscription: SlackTeamChannelView): string {
  const hears = [subscription.changes && "changes", subscription.digestTime && `digest ${subscription.digestTime}`].filter(Boolean);
  return `Slack ${subscription.channel}${hears.length ? ` · ${hears.join(" · ")}` : " · nothing subscribed"}`;
}

export function TeamCards({
  teams,
  services,
  canWrite,
  slack,
}: {
  teams: TeamView[];
  services: ServiceView[];
  canWrite: boolean;
  /** each team's Slack channel by slug, with its dialog for those who manage settings */
  slack: { byTeam: Map<string, TeamSlackView>; canManage: boolean };
}) {
  const bySlug = new Map(services.map((s) => [s.slug, s]));
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {teams.map((team) => (
        <Card key={team.id} data-testid="team-card" className="gap-3">
          <CardHeader>
            <div className="flex items-baseline justify-between gap-2">
              <CardTitle>
                <h2>{team.name}</h2>
              </CardTitle>
              <span className="font-mono text-xs text-muted-foreground">{team.slug}</span>
            </div>
            {team.description && <CardDescription>{team.description}</CardDescription>}
            <div className="flex items-center justify-between gap-2">
              <p className="text-xs text-muted-foreground" data-testid="team-working-hours">
                {workingHoursLabel(team.workingHours)} · {team.timeZone}
              </p>
              <span className="flex items-center">
                {slack.canManage && slack.byTeam.get(team.slug) && <TeamSlackDialog team={team} timeZone={team.timeZone} slack={slack.byTeam.get(team.slug)!} />}
                {canWrite && <TeamSettingsDialog team={team} />}
              </span>
            </div>
            {slack.byTeam.get(team.slug)?.subscription && (
              <p className="font-mono text-xs text-muted-foreground" data-testid="team-slack-channel">
                {teamSlackLabel(slack.byTeam.get(team.slug)!.subscription!)}
              </p>
            )}
          </CardHeader>
          <CardContent>
            <h3 className="mb-1.5 text-xs font-medium uppercase tracking-wide text-muted-foreground">
              Services <span className="tabular">({team.services.length})</span>
            </h3>
            {team.services.length === 0 ? (
              <p className="text-sm text-muted-foreground">No services yet.</p>
            ) : (
              <ul className="flex flex-col divide-y divide-border rounded-md border border-border">
                {team.services.map((slug) => {
                  const service = bySlug.get(slug);
                  return (
                    <li key={slug} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
                      <span className="truncate">{service?.name ?? slug}</span>
                      <span className="flex shrink-0 items-center gap-1.5">
                        {service?.supportsCriticalFunction && (
                          <span title="Supports a critical or important function" className="rounded bg-accent px-1 text-[10px] font-semibold uppercase text-primary">
                            Critical
                          </span>
                        )}
                        {service?.tier && <span className="tabular text-xs text-muted-foreground">T{service.tier}</span>}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
