import { describe, expect, it } from "vitest";
import {
  applyTagRevert,
  detectTagBumps,
  findConflicts,
  invertPatch,
  isCommitRevision,
  isRevertBranch,
  revertBranchName,
  revertEntries,
  type CommitFile,
} from "@/lib/correlation/rollback-plan";

const modified = (path: string, patch: string): CommitFile => ({ path, previousPath: null, status: "modified", patch });

describe("revertBranchName", () => {
  it("names the short sha and the incident reference", () => {
    expect(revertBranchName("A1B2C3D4E5F6", "INC-42")).toBe("logbook/revert-a1b2c3d-inc-42");
    expect(isRevertBranch("logbook/revert-a1b2c3d-inc-42")).toBe(true);
    expect(isRevertBranch("feature/revert-a1b2c3d")).toBe(false);
  });
});

describe("revertEntries", () => {
  it("restores modified and removed files to their parent blob and deletes added ones", () => {
    const parent = new Map([
      ["apps/api/deploy.yaml", { mode: "100644", sha: "old1" }],
      ["apps/api/old-name.yaml", { mode: "100644", sha: "old2" }],
      ["scripts/run.sh", { mode: "100755", sha: "old3" }],
    ]);
    const entries = revertEntries(
      [
        modified("apps/api/deploy.yaml", "@@ -1 +1 @@\n-a\n+b"),
        { path: "apps/api/new.yaml", previousPath: null, status: "added", patch: "@@ -0,0 +1 @@\n+x" },
        { path: "apps/api/new-name.yaml", previousPath: "apps/api/old-name.yaml", status: "renamed", patch: null },
        { path: "scripts/run.sh", previousPath: null, status: "removed", patch: null },
      ],
      parent,
    );
    expect(entries).toEqual([
      { path: "apps/api/deploy.yaml", mode: "100644", sha: "old1" },
      { path: "apps/api/new.yaml", mode: "100644", sha: null },
      { path: "apps/api/old-name.yaml", mode: "100644", sha: "old2" },
      { path: "apps/api/new-name.yaml", mode: "100644", sha: null },
      { path: "scripts/run.sh", mode: "100755", sha: "old3" },
    ]);
  });
});

describe("findConflicts", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 8, minute));
  it("lists later commits that touched the same files, oldest first, once each", () => {
    const history = new Map([
      [
        "a.yaml",
        [
          { sha: "c3", message: "Tune limits\n\nbody", committedAt: at(30), url: "u3" },
          { sha: "c2", message: "Scale", committedAt: at(20), url: "u2" },
          { sha: "c1", message: "The change", committedAt: at(10), url: "u1" },
          { sha: "c0", message: "Before", committedAt: at(5), url: "u0" },
        ],
      ],
      ["b.yaml", [{ sha: "c3", message: "Tune limits", committedAt: at(30), url: "u3" }]],
    ]);
    expect(findConflicts({ shas: ["c1"], committedAt: at(10) }, history)).toEqual([
      { sha: "c2", message: "Scale", url: "u2", files: ["a.yaml"] },
      { sha: "c3", message: "Tune limits", url: "u3", files: ["a.yaml", "b.yaml"] },
    ]);
  });
  it("finds none when only the change and older commits touched the files", () => {
    expect(findConflicts({ shas: ["c1"], committedAt: at(10) }, new Map([["a.yaml", [{ sha: "c1", message: "x", committedAt: at(10), url: null }]]]))).toEqual([]);
  });
});

describe("detectTagBumps", () => {
  it("recognises a Flux image automation bump with its marker comment", () => {
    const patch = [
      "@@ -17,7 +17,7 @@ spec:",
      "     spec:",
      "       containers:",
      "         - name: api",
      '-          image: ghcr.io/acme/api:1.4.2 # {"$imagepolicy": "flux-system:api"}',
      '+          image: ghcr.io/acme/api:1.4.3 # {"$imagepolicy": "flux-system:api"}',
      "           ports:",
    ].join("\n");
    expect(detectTagBumps([modified("apps/api/deployment.yaml", patch)])).toEqual([
      { path: "apps/api/deployment.yaml", field: "image", from: "ghcr.io/acme/api:1.4.2", to: "ghcr.io/acme/api:1.4.3" },
    ]);
  });
  it("recognises a Kustomize newTag and a quoted Helm tag", () => {
    expect(detectTagBumps([modified("k.yaml", "@@ -3 +3 @@\n-    newTag: 1.4.2\n+    newTag: 1.4.3")])).toEqual([{ path: "k.yaml", field: "newTag", from: "1.4.2", to: "1.4.3" }]);
    expect(detectTagBumps([modified("values.yaml", '@@ -3 +3 @@\n-  tag: "2.0.0"\n+  tag: "2.1.0"')])?.[0]).toMatchObject({ from: "2.0.0", to: "2.1.0" });
  });
  it("is null for anything more than a value change", () => {
    expect(detectTagBumps([modified("d.yaml", "@@ -3 +3 @@\n-  replicas: 2\n+  replicas: 3")])).toBeNull();
    expect(detectTagBumps([modified("d.yaml", "@@ -3 +3,2 @@\n-  image: a:1\n+  image: a:2\n+  imagePullPolicy: Always")])).toBeNull();
    expect(detectTagBumps([{ path: "n.yaml", previousPath: null, status: "added", patch: "@@ -0,0 +1 @@\n+image: a:1" }])).toBeNull();
    expect(detectTagBumps([])).toBeNull();
  });
});

describe("applyTagRevert", () => {
  const bump = { path: "d.yaml", field: "image", from: "ghcr.io/acme/api:1.4.2", to: "ghcr.io/acme/api:1.4.3" };
  it("sets the field back wherever it still holds the bumped value, keeping the rest", () => {
    const content = "spec:\n  replicas: 4\n  image: ghcr.io/acme/api:1.4.3 # {\"$imagepolicy\": \"flux-system:api\"}\n";
    expect(applyTagRevert(content, [bump])).toBe("spec:\n  replicas: 4\n  image: ghcr.io/acme/api:1.4.2 # {\"$imagepolicy\": \"flux-system:api\"}\n");
  });
  it("is null when a later commit moved the field on", () => {
    expect(applyTagRevert("  image: ghcr.io/acme/api:1.4.4\n", [bump])).toBeNull();
  });
});

describe("invertPatch and isCommitRevision", () => {
  it("turns a diff around", () => {
    expect(invertPatch("@@ -3,2 +3,2 @@ spec:\n-  a: 1\n+  a: 2\n   b: 1")).toBe("@@ -3,2 +3,2 @@ spec:\n-  a: 2\n+  a: 1\n   b: 1");
    // Removals before additions in each run, hunk by hunk.
    expect(invertPatch("@@ -1,3 +1,3 @@\n-a\n-b\n+c\n ctx\n@@ -9 +9 @@\n-y\n+z")).toBe("@@ -1,3 +1,3 @@\n-c\n+a\n+b\n ctx\n@@ -9 +9 @@\n-z\n+y");
    expect(invertPatch("@@ -1 +1,3 @@\n+x")).toBe("@@ -1,3 +1 @@\n-x");
  });
  it("accepts commit shas only", () => {
    expect(isCommitRevision("a1b2c3d")).toBe(true);
    expect(isCommitRevision("v1.2.0")).toBe(false);
    expect(isCommitRevision("sha256:abcdef0123")).toBe(false);
    expect(isCommitRevision(null)).toBe(false);
  });
});
