// When a check's run lock is still held: the rule both stores apply before a run may take over.
import { hostname } from "node:os";

/** A lock whose heartbeat is older than this is free, whoever holds it. */
export const LEASE_MS = 60_000;

/** Whether a process on this machine is alive; a process we may not signal still exists. */
export type ProcessProbe = (pid: number) => boolean;

export const probeProcess: ProcessProbe = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** A run lock as both stores keep it. */
export interface RunHolder {
  owner_pid: number;
  owner_host: string;
  heartbeat_at: string;
}

/**
 * Whether `run`'s holder may still be running it at `now`: its heartbeat is recent, and it is
 * on another machine (which cannot be probed) or a live process on this one.
 */
export function runIsHeld(run: RunHolder, now: Date, isAlive: ProcessProbe): boolean {
  if (now.getTime() - Date.parse(run.heartbeat_at) > LEASE_MS) return false;
  return run.owner_host !== hostname() || isAlive(run.owner_pid);
}
