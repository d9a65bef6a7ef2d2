import { mkdirSync, readFileSync, rmdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import lockfile from "proper-lockfile";

export interface DataDirectoryLock {
  release(): Promise<void>;
}

export class DataDirectoryInUseError extends Error {
  constructor(dataDir: string, owner: LockOwner | null) {
    super(
      `The embedded database in ${dataDir} is in use by another Logbook process` +
        `${owner ? ` (pid ${owner.pid} on ${owner.hostname})` : ""} (a running server or CLI). ` +
        "PGlite allows one process per data directory: stop the other process first, " +
        "or set DATABASE_URL to use PostgreSQL, which any number of processes can share.",
    );
    this.name = "DataDirectoryInUseError";
  }
}

/** Who holds the lock, written inside the lock directory, so it goes with the lock it describes. */
interface LockOwner {
  pid: number;
  hostname: string;
  /** The kernel's boot id: a pid from another boot is long dead. */
  bootId: string | null;
  /** The process's start time in clock ticks since boot: a live pid with another start time is another process that reused it. */
  startTime: string | null;
}

/**
 * Two PGlite processes on one directory silently lose writes, so the directory is locked
 * for as long as it is open. A lock whose owner is dead on this machine (its pid gone, reused
 * by a process that started later, or from an earlier boot) is taken over at once, so a server
 * killed with SIGKILL restarts without waiting. An owner that cannot be judged (another host
 * sharing the volume, or a lock without an owner record) is refused until its lock goes stale:
 * a minute without proper-lockfile's refresh, because PGlite runs a statement synchronously
 * and a busy process (the first migrations on a loaded two-core machine) can miss refreshes
 * for well over 15 s.
 */
export async function lockDataDirectory(dataDir: string): Promise<DataDirectoryLock> {
  const lockPath = `${dataDir}/.logbook.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      const release = await lockfile.lock(dataDir, {
        lockfilePath: lockPath,
        stale: 60_000,
        update: 10_000,
        realpath: false,
        onCompromised: (error) => {
          console.error(`Lost the lock on ${dataDir}: ${error.message}`);
        },
      });
      keepingMtime(lockPath, () => writeFileSync(ownerFile(lockPath), JSON.stringify(thisProcess())));
      return {
        release: async () => {
          keepingMtime(lockPath, () => rmSync(ownerFile(lockPath), { force: true }));
          await release().catch(() => undefined);
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTEMPTY: proper-lockfile found the lock stale but cannot remove it with its owner record inside.
      if (code !== "ELOCKED" && code !== "ENOTEMPTY") throw error;
      const owner = readOwner(lockPath);
      const gone = code === "ENOTEMPTY" || (owner !== null && isDead(owner));
      if (attempt >= 3 || !gone || !takeOver(lockPath, owner)) throw new DataDirectoryInUseError(dataDir, owner);
    }
  }
}

const ownerFile = (lockPath: string) => `${lockPath}/owner.json`;

/** proper-lockfile takes a change of its directory's mtime for another process refreshing the lock, so changing the owner record keeps it. */
function keepingMtime(lockPath: string, change: () => void): void {
  const { atime, mtime } = statSync(lockPath);
  change();
  utimesSync(lockPath, atime, mtime);
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(ownerFile(lockPath), "utf8")) as LockOwner;
  } catch {
    return null; // being written, or a lock taken by an older Logbook
  }
}

/**
 * Removes a dead or stale owner's lock. Two processes may find the same one: the takeover
 * directory lets one of them remove it, and only if the lock still names that owner, so a
 * lock just taken by the other is never removed.
 */
function takeOver(lockPath: string, dead: LockOwner | null): boolean {
  const guard = `${lockPath}.takeover`;
  try {
    mkdirSync(guard);
  } catch {
    // Another process is taking over (a guard left by one that crashed doing so goes stale).
    if (Date.now() - statSafe(guard) > 10_000) rmSync(guard, { recursive: true, force: true });
    return false;
  }
  try {
    if (JSON.stringify(readOwner(lockPath)) !== JSON.stringify(dead)) return false;
    rmSync(ownerFile(lockPath), { force: true });
    rmdirSync(lockPath);
    return true;
  } finally {
    rmdirSync(guard);
  }
}

function statSafe(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

function isDead(owner: LockOwner): boolean {
  const self = thisProcess();
  if (owner.hostname !== self.hostname) return false; // another machine's pids cannot be checked from here
  if (owner.bootId && self.bootId && owner.bootId !== self.bootId) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: alive, another user's; ESRCH: no such process.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
  const startTime = processStartTime(owner.pid);
  return owner.startTime !== null && startTime !== null && startTime !== owner.startTime;
}

function thisProcess(): LockOwner {
  return { pid: process.pid, hostname: hostname(), bootId: readProc("/proc/sys/kernel/random/boot_id")?.trim() ?? null, startTime: processStartTime(process.pid) };
}

/** Field 22 of /proc/<pid>/stat (Linux); the command name before it may hold spaces, so count from its closing parenthesis. */
function processStartTime(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
}

function readProc(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
