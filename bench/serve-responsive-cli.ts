// `npm run bench:responsive`: health latency while four checks run, with checks on the main
// thread and on worker threads (see serve-responsive.ts).
import { availableParallelism } from "node:os";
import { measureResponsive } from "./serve-responsive.ts";

const ms = (n: number) => n.toFixed(1).padStart(8);
console.log(
  `Node ${process.version}, ${availableParallelism()} cores; 4 concurrent checks (SSE) on the sample corpus, GET /api/health back to back, loopback`,
);
console.log(
  "checks on          round  health n   p50 ms   p99 ms   max ms   1st event ms (p50)  done ms (p50)",
);
for (const workers of [0, undefined]) {
  const figures = await measureResponsive(workers);
  const label = figures.where === "main" ? "main thread" : `${figures.workers} worker threads`;
  for (const r of figures.rounds) {
    console.log(
      `${label.padEnd(18)} ${r.round.padEnd(5)} ${String(r.healthRequests).padStart(9)} ${ms(r.healthP50)} ${ms(r.healthP99)} ${ms(r.healthMax)} ${ms(r.firstEventMs).padStart(19)} ${ms(r.doneMs).padStart(14)}`,
    );
  }
}
