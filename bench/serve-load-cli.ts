// `npm run bench:serve`: prints the service's load figures (see serve-load.ts).
import { cpus } from "node:os";
import { measureServe } from "./serve-load.ts";

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 10);
const figures = await measureServe({ seconds, connections });
console.log(
  `Node ${process.version}, ${cpus().length} CPUs; autocannon, ${connections} connections, ${seconds} s per target, loopback`,
);
console.log("target                  req/s   p50 ms   p99 ms   max ms   errors  non-2xx");
for (const f of figures) {
  console.log(
    `${f.target.padEnd(22)} ${String(f.requestsPerSecond).padStart(6)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)} ${String(f.max).padStart(8)} ${String(f.errors).padStart(8)} ${String(f.non2xx).padStart(8)}`,
  );
}
