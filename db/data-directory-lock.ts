import lockfile from "proper-lockfile";

export interface DataDirectoryLock {
  release(): Promise<void>;
}

export class DataDirectoryInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `The embedded database in ${dataDir} is in use by another Logbook process (a running server or CLI). ` +
        "PGlite allows one process per data directory: stop the other process first, " +
        "or set DATABASE_URL to use PostgreSQL, which any number of processes can share.",
    );
    this.name = "DataDirectoryInUseError";
  }
}

/**
 * Two PGlite processes on one directory silently lose writes, so the directory is locked
 * for as long as it is open. proper-lockfile refreshes the lock while we live, so a lock
 * left by a crashed process goes stale and is taken over. Stale means a minute without a
 * refresh: PGlite runs a statement synchronously, so a busy process (the first migrations on
 * a loaded two-core machine) can miss refreshes for well over 15 s, and a shorter window let
 * a second process take a lock that was still held.
 */
export async function lockDataDirectory(dataDir: string): Promise<DataDirectoryLock> {
  try {
    const release = await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}/.logbook.lock`,
      stale: 60_000,
      update: 10_000,
      realpath: false,
      onCompromised: (error) => {
        console.error(`Lost the lock on ${dataDir}: ${error.message}`);
      },
    });
    return { release: () => release().catch(() => undefined) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw new DataDirectoryInUseError(dataDir);
    throw error;
  }
}
