/**
 * Pure decisions behind a rollback pull request: which files a revert restores, whether a
 * later commit makes the revert unsafe, and whether the change was an image/tag bump whose
 * revert is the field's previous value. The GitHub calls live in lib/integrations/github;
 * this module only sees their answers.
 */

/** A file as GitHub's commit API lists it (the diff against the first parent). */
export interface CommitFile {
  path: string;
  /** for a rename, the path before it */
  previousPath: string | null;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  /** unified diff hunks; GitHub leaves it out for binary and very large files */
  patch: string | null;
}

/** A commit on the target branch, as the commits API lists it for one path. */
export interface BranchCommit {
  sha: string;
  message: string;
  committedAt: Date;
  url: string | null;
}

export interface Conflict {
  sha: string;
  message: string;
  url: string | null;
  files: string[];
}

/** One `field: value` line an image automation (Flux, Renovate, a pipeline) rewrote. */
export interface TagBump {
  path: string;
  /** the key as written: image, tag, newTag, version, … */
  field: string;
  from: string;
  to: string;
}

/** A tree entry of the revert commit: the blob the file had before, or null to delete a file the change added. */
export interface RevertEntry {
  path: string;
  mode: string;
  sha: string | null;
}

export function revertBranchName(sha: string, incidentRef: string): string {
  return `logbook/revert-${sha.slice(0, 7).toLowerCase()}-${incidentRef.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}`;
}

/** Whether a pull request's head branch is one Logbook opened for a rollback. */
export function isRevertBranch(branch: string): boolean {
  return /^logbook\/revert-[0-9a-f]{7}-/.test(branch);
}

/** Every path whose content the change decided: both sides of a rename. */
export function touchedPaths(files: readonly CommitFile[]): string[] {
  return [...new Set(files.flatMap((f) => (f.previousPath && f.previousPath !== f.path ? [f.previousPath, f.path] : [f.path])))];
}

/**
 * The tree entries that put every touched file back as it was in the parent commit: its
 * old blob where it existed, a deletion where the change created it.
 */
export function revertEntries(files: readonly CommitFile[], parentTree: ReadonlyMap<string, { mode: string; sha: string }>): RevertEntry[] {
  return touchedPaths(files).map((path) => {
    const before = parentTree.get(path);
    return before ? { path, mode: before.mode, sha: before.sha } : { path, mode: "100644", sha: null };
  });
}

/**
 * Later commits on the target branch that touched the same files: reverting over them
 * would undo or break their work, so the rollback is refused and they are listed.
 * `historyByPath` is the branch history per touched path (newest first, any length);
 * commits of the change itself (and anything not after it) are ignored.
 */
export function findConflicts(
  change: { shas: readonly string[]; committedAt: Date },
  historyByPath: ReadonlyMap<string, readonly BranchCommit[]>,
): Conflict[] {
  const own = new Set(change.shas.map((s) => s.toLowerCase()));
  const bySha = new Map<string, Conflict & { at: number }>();
  for (const [path, commits] of historyByPath) {
    for (const commit of commits) {
      if (own.has(commit.sha.toLowerCase()) || commit.committedAt.getTime() <= change.committedAt.getTime()) continue;
      const entry = bySha.get(commit.sha) ?? { sha: commit.sha, message: firstLine(commit.message), url: commit.url, files: [], at: commit.committedAt.getTime() };
      if (!entry.files.includes(path)) entry.files.push(path);
      bySha.set(commit.sha, entry);
    }
  }
  return [...bySha.values()].sort((a, b) => a.at - b.at || a.sha.localeCompare(b.sha)).map(({ at: _at, ...conflict }) => ({ ...conflict, files: conflict.files.sort() }));
}

function firstLine(message: string): string {
  return message.split("\n", 1)[0]!.trim();
}

// Keys image automations rewrite: a container image, a Kustomize images entry, a Helm value.
const TAG_FIELDS = /^(image|newTag|tag|imageTag|version|newName|digest)$/;
// `  - image: repo/name:1.2.3 # {"$imagepolicy": "flux-system:app"}` → indent, key, value, comment
const FIELD_LINE = /^(\s*(?:-\s+)?)([A-Za-z][\w.-]*)(:\s*)("[^"]*"|'[^']*'|[^\s#]+)(\s+#.*)?$/;

interface FieldLine {
  indent: string;
  field: string;
  value: string;
}

function parseFieldLine(line: string): FieldLine | null {
  const match = FIELD_LINE.exec(line);
  if (!match || !TAG_FIELDS.test(match[2]!)) return null;
  return { indent: match[1]!, field: match[2]!, value: match[4]!.replace(/^["']|["']$/g, "") };
}

/**
 * The change as image/tag bumps: every changed line of every file is one `field: value`
 * line of an image field whose value alone changed. Null when the change is anything more
 * (then the revert restores the files as they were).
 */
export function detectTagBumps(files: readonly CommitFile[]): TagBump[] | null {
  if (files.length === 0) return null;
  const bumps: TagBump[] = [];
  for (const file of files) {
    if (file.status !== "modified" || !file.patch) return null;
    const removed: string[] = [];
    const added: string[] = [];
    for (const line of file.patch.split("\n")) {
      if (line.startsWith("@@") || line.startsWith("\\")) continue;
      if (line.startsWith("-")) removed.push(line.slice(1));
      else if (line.startsWith("+")) added.push(line.slice(1));
    }
    if (removed.length === 0 || removed.length !== added.length) return null;
    for (let i = 0; i < removed.length; i++) {
      const before = parseFieldLine(removed[i]!);
      const after = parseFieldLine(added[i]!);
      if (!before || !after || before.field !== after.field || before.indent !== after.indent || before.value === after.value) return null;
      bumps.push({ path: file.path, field: before.field, from: before.value, to: after.value });
    }
  }
  return bumps;
}

/**
 * The file with each bumped field set back to its previous value, wherever it still holds
 * the bumped value; null when a bump's value is no longer there (a later commit moved it
 * on), so the revert would be wrong.
 */
export function applyTagRevert(content: string, bumps: readonly TagBump[]): string | null {
  const lines = content.split("\n");
  for (const bump of bumps) {
    let found = false;
    for (let i = 0; i < lines.length; i++) {
      const field = parseFieldLine(lines[i]!);
      if (!field || field.field !== bump.field || field.value !== bump.to) continue;
      lines[i] = lines[i]!.replace(bump.to, bump.from);
      found = true;
    }
    if (!found) return null;
  }
  return lines.join("\n");
}

/**
 * The change's diff turned around: what the revert pull request will show. Within each run
 * of changed lines the removals come first, as in any unified diff (swapping the signs
 * alone would list the restored lines above the ones they replace).
 */
export function invertPatch(patch: string): string {
  const out: string[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    out.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const line of patch.split("\n")) {
    const hunk = /^@@ -(\d+(?:,\d+)?) \+(\d+(?:,\d+)?) @@(.*)$/.exec(line);
    if (line.startsWith("+") && !hunk) removed.push(`-${line.slice(1)}`);
    else if (line.startsWith("-")) added.push(`+${line.slice(1)}`);
    else {
      flush();
      out.push(hunk ? `@@ -${hunk[2]} +${hunk[1]} @@${hunk[3]}` : line);
    }
  }
  flush();
  return out.join("\n");
}

/** A revision that can name a commit: hex of at least 7 (Flux and GitHub spell them so). */
export function isCommitRevision(revision: string | null): revision is string {
  return revision !== null && /^[0-9a-f]{7,40}$/i.test(revision.trim());
}
