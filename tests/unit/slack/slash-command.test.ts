import { describe, expect, it } from "vitest";
import { isMutatingCommand, parseSlashCommand, SLASH_COMMAND_HELP, SLASH_COMMAND_USAGE } from "@/lib/slack/slash-command";

const ok = (text: string) => {
  const parsed = parseSlashCommand(text);
  if (!parsed.ok) throw new Error(`expected ${text} to parse: ${parsed.message}`);
  return parsed.command;
};
const refused = (text: string) => {
  const parsed = parseSlashCommand(text);
  if (parsed.ok) throw new Error(`expected ${text} to be refused`);
  return parsed.message;
};

describe("parseSlashCommand", () => {
  it("declares with a trailing severity, or SEV3 without one", () => {
    expect(ok("declare Checkout returns 502 sev1")).toEqual({ name: "declare", title: "Checkout returns 502", severity: "SEV1" });
    expect(ok("DECLARE  Payments slow   SEV4 ")).toEqual({ name: "declare", title: "Payments slow", severity: "SEV4" });
    expect(ok("declare Login page sev5")).toEqual({ name: "declare", title: "Login page sev5", severity: "SEV3" });
    // A lone "sev1" is the title: an incident needs a name.
    expect(ok("declare sev1")).toEqual({ name: "declare", title: "sev1", severity: "SEV3" });
    expect(refused("declare")).toContain("Name the incident");
    expect(refused(`declare ${"x".repeat(201)}`)).toContain("too long");
  });

  it("changes status to a known status only", () => {
    expect(ok("status Monitoring")).toEqual({ name: "status", status: "monitoring" });
    expect(refused("status fixed")).toContain("triggered, investigating, identified, monitoring, resolved, closed");
    expect(refused("status")).toContain(SLASH_COMMAND_USAGE);
  });

  it("changes severity with 1-4 or sevN", () => {
    expect(ok("sev 2")).toEqual({ name: "sev", severity: "SEV2" });
    expect(ok("sev SEV1")).toEqual({ name: "sev", severity: "SEV1" });
    expect(refused("sev 0")).toContain("from 1 to 4");
    expect(refused("sev 5")).toContain("from 1 to 4");
    expect(refused("sev")).toContain("from 1 to 4");
  });

  it("keeps a note's text as written, Slack markup included", () => {
    expect(ok("note Rolled back <https://deploys.example/42|deploy 42> — *errors dropping*")).toEqual({
      name: "note",
      text: "Rolled back <https://deploys.example/42|deploy 42> — *errors dropping*",
    });
    expect(ok("note  line one\nline two")).toEqual({ name: "note", text: "line one\nline two" });
    expect(refused("note   ")).toContain("Write the note");
  });

  it("reads the mentioned user from Slack's escaped mention, with or without the name", () => {
    expect(ok("role commander <@U024BE7LH|alex>")).toEqual({ name: "role", role: "commander", slackUserId: "U024BE7LH" });
    expect(ok("role Scribe <@W0123ABCD>")).toEqual({ name: "role", role: "scribe", slackUserId: "W0123ABCD" });
    // Unescaped "@alex" carries no user id: refused rather than guessed.
    expect(refused("role commander @alex")).toContain("mention the person");
    expect(refused("role janitor <@U024BE7LH>")).toContain("commander, communications, scribe");
    expect(refused("role commander <#C024BE7LH|general>")).toContain("mention the person");
  });

  it("resolves and helps; anything else gets the usage line", () => {
    expect(ok("resolve")).toEqual({ name: "resolve" });
    expect(refused("resolve now")).toContain("takes no arguments");
    expect(ok("help")).toEqual({ name: "help" });
    expect(ok("")).toEqual({ name: "help" });
    const unknown = refused("reboot the world");
    expect(unknown).toContain("Unknown command “reboot”");
    expect(unknown).toContain(SLASH_COMMAND_USAGE);
  });

  it("lists every command in help, and only help changes nothing", () => {
    for (const name of ["declare", "status", "sev", "note", "role", "resolve", "help"]) expect(SLASH_COMMAND_HELP).toContain(`/logbook ${name}`);
    expect(isMutatingCommand({ name: "help" })).toBe(false);
    expect(isMutatingCommand({ name: "resolve" })).toBe(true);
    expect(isMutatingCommand({ name: "note", text: "x" })).toBe(true);
  });
});
