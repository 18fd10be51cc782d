// Runs zkml4j and a peer on the same operations in one run, alternating processes, and prints
// the medians and the ratios. Each process does one untimed warm-up and then timed runs.
// Usage: node side-by-side.mjs <rounds> <runs per process> <op:log2> [<op:log2> ...]
// Environment: ZKML4J_JAVA (the java command, with its flags) and ZKML4J_CP (the classpath).
import { execFileSync } from "child_process";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const here = dirname(fileURLToPath(import.meta.url));
const [roundsArg, runsArg, ...cases] = process.argv.slice(2);
const rounds = Number(roundsArg), runs = Number(runsArg);
const java = (process.env.ZKML4J_JAVA || "java").split(" ");
const cp = process.env.ZKML4J_CP;

function run(cmd, args) {
  const out = execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] });
  const line = out.trim().split("\n").filter((l) => l.startsWith("{")).pop();
  return JSON.parse(line).ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const rows = [];
for (const c of cases) {
  const [op, log2] = c.split(":");
  const times = { ffjavascript: [], zkml4j: [] };
  for (let r = 0; r < rounds; r++) {
    times.ffjavascript.push(...run("node", [join(here, "ffjavascript-core.mjs"), op, log2, String(runs)]));
    times.zkml4j.push(...run(java[0], [...java.slice(1), "-cp", cp, "org.zkml4j.bench.CoreRun", op, log2, String(runs)]));
    process.stderr.write(`  ${op} 2^${log2}: round ${r + 1}/${rounds} done\n`);
  }
  const peer = median(times.ffjavascript), ours = median(times.zkml4j);
  rows.push({ op, size: `2^${log2}`, ffjavascript_ms: peer.toFixed(1), zkml4j_ms: ours.toFixed(1),
    speedup: (peer / ours).toFixed(2) + "x", samples: times.zkml4j.length });
}
console.log("\nMedians over all timed runs (each process: 1 warm-up + timed runs; processes alternate).");
console.table(rows);
