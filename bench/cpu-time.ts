// Where the cores go during a benchmark phase: CPU seconds (user + system) of groups of
// processes — this one, the servers, the workers, PostgreSQL, Redis — read from /proc (Linux).
// A process that ends during the phase is not counted, so phases stop nothing they measure.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's times (sysconf _SC_CLK_TCK; 100 on Linux in practice). */
const TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** CPU seconds of process `pid` so far (0 when it is gone). */
function processSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds the whole machine has spent busy (every process, ours or not), from /proc/stat. */
function machineSeconds(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  // cpu user nice system idle iowait irq softirq steal …: all but idle and iowait are busy.
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS;
}

/**
 * Processes whose command name is `name` (e.g. `redis-server`) and, when given, whose command
 * line holds `titled` (a PostgreSQL backend's title names its database: "postgres: user db …").
 */
export function pidsNamed(name: string, titled?: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== name) continue;
      if (titled && !readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(titled)) continue;
      pids.push(Number(entry));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return pids;
}

/** A group's processes, asked for at the start and the end of a phase. */
export type CpuGroups = Record<string, () => readonly number[]>;

export interface CpuPhase {
  wallSeconds: number;
  /** CPU seconds per group, in the order the groups were given. */
  seconds: Record<string, number>;
  /** CPU seconds of the whole machine, the groups' and everything else's (other load shows). */
  machineSeconds: number;
}

/** Measures `work`'s phase: wall time and each group's CPU seconds. */
export async function measureCpu<T>(
  groups: CpuGroups,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuPhase }> {
  const before = new Map<number, number>();
  for (const pids of Object.values(groups)) {
    for (const pid of pids()) before.set(pid, processSeconds(pid));
  }
  const machineBefore = machineSeconds();
  const started = performance.now();
  const result = await work();
  const wallSeconds = (performance.now() - started) / 1000;
  const machine = machineSeconds() - machineBefore;
  const seconds: Record<string, number> = {};
  for (const [name, pids] of Object.entries(groups)) {
    seconds[name] = pids()
      .map((pid) => processSeconds(pid) - (before.get(pid) ?? 0))
      .reduce((a, b) => a + b, 0);
  }
  return { result, cpu: { wallSeconds, seconds, machineSeconds: machine } };
}
