// Running and measuring the processes of the side-by-side benchmarks (groth16-side-by-side.mjs,
// mnist-side-by-side.mjs): where the tools are, a command that must succeed, a command measured for
// wall time and peak resident memory, medians. Failures are thrown as Errors naming the command
// and its output; each script prints them with its own name.
import { spawn, spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "fs";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

/** The repository's root folder. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** The pinned npm tools (interop/package-lock.json). */
export const modules = join(root, "interop", "node_modules");
export const snarkjsCli = join(modules, "snarkjs", "build", "cli.cjs");
export const circomCli = join(modules, "circom2", "cli.js");
const GNU_TIME = "/usr/bin/time";
/** Whether peak memory comes from GNU time (exact) rather than polling /proc (every 50 ms). */
export const hasGnuTime = existsSync(GNU_TIME);

/**
 * The zkml4j command as [program, args] builders, from the ZKML4J environment variable (words). Through
 * the launcher, commands run in its daemon (a JVM kept warm between commands); see ownJvm.
 */
export function zkml4jTool() {
  const words = (process.env.ZKML4J || "").split(" ").filter(Boolean);
  if (words.length === 0) throw new Error("set ZKML4J to the zkml4j command (the scripts/bench-* wrappers do)");
  return (...args) => [words[0], [...words.slice(1), ...args, "--quiet"]];
}

/** The same command, run in a JVM of its own (the launcher's --no-daemon). */
export const ownJvm = ([cmd, args]) => [cmd, [...args, "--no-daemon"]];

/** snarkjs's command line, with a heap large enough for its biggest steps. */
export const snarkjs = (...args) => ["node", ["--max-old-space-size=16384", snarkjsCli, ...args]];

export const log = (message) => process.stderr.write(`${message}\n`);

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs a command to completion and returns its stdout; throws with its output unless it exits with 0. */
export function runOk([cmd, args], cwd = root) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * Runs a command and measures its wall time and peak resident memory: by GNU time's maximum
 * resident set size when /usr/bin/time exists, else by polling the process's VmHWM in /proc.
 * Resolves to {seconds, peakMb, output (the last 20,000 characters of stdout and stderr), code};
 * rejects if the command fails, unless allowFailure is set (then code says how it ended).
 *
 * @param scratch a folder for GNU time's report
 */
export function measure([cmd, args], scratch, { allowFailure = false, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    mkdirSync(scratch, { recursive: true });
    const timeFile = join(scratch, `.time-${process.pid}`);
    const [c, a] = hasGnuTime ? [GNU_TIME, ["-f", "%M", "-o", timeFile, cmd, ...args]] : [cmd, args];
    const start = process.hrtime.bigint();
    const child = spawn(c, a, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "", peakKb = 0;
    child.stdout.on("data", (d) => (output = (output + d).slice(-20000)));
    child.stderr.on("data", (d) => (output = (output + d).slice(-20000)));
    const poll = hasGnuTime ? null : setInterval(() => {
      try {
        const m = readFileSync(`/proc/${child.pid}/status`, "utf8").match(/VmHWM:\s+(\d+)/);
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch { /* the process has just ended */ }
    }, 50);
    child.on("close", (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (poll) clearInterval(poll);
      if (hasGnuTime && existsSync(timeFile)) {
        // GNU time reports "Command exited with non-zero status N" before the number on failure
        const last = readFileSync(timeFile, "utf8").trim().split("\n").pop();
        if (/^\d+$/.test(last)) peakKb = Number(last);
        rmSync(timeFile, { force: true });
      }
      // A command the zkml4j daemon ran: the client's own memory is nothing; the daemon reports the command's peak
      // (ZKML4J_DAEMON_REPORT=1, which the bench wrappers set).
      for (const m of output.matchAll(/zkml4j daemon: peak resident memory of this command (\d+) KiB/g)) {
        peakKb = Math.max(peakKb, Number(m[1]));
      }
      const result = { seconds, peakMb: peakKb / 1024, output, code: code ?? signal };
      if (code !== 0 && !allowFailure) reject(new Error(`${cmd} ${args.join(" ")} exited with ${code ?? signal}:\n${output}`));
      else resolve(result);
    });
  });
}
