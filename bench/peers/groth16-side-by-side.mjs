// Groth16 side by side: the zkml4j command against snarkjs's on the same circuits, ceremony files,
// keys and witnesses, in one run, alternating the two tools' processes (and which goes first) in
// each round. Prints, per step, the median wall time, the peak resident memory and the ratio.
//
// Usage: node groth16-side-by-side.mjs [--rounds N] [--circuits mnist,poseidon:500]
//            [--ceremony-power P] [--skip-slow] [--smoke] [--cache DIR]
// Environment: ZKML4J, the zkml4j command as words (the launcher, or java, its flags, -jar, the jar).
//
// Circuits are compiled with circom2 (--r1cs --wasm) and their witnesses computed once, then
// cached with the ceremony files under the cache folder (default .cache/bench/groth16, which git
// ignores); a circuit's ceremony (Phase2.requiredPtauPower: power k with 2^k > constraints +
// public signals, one more from k = 15) is made by
// zkml4j's own powersoftau new, contribute and prepare phase2, untimed.
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "fs";
import { cpus, totalmem } from "os";
import { join, relative, resolve } from "path";
import { ceremony as makeCeremony, compileCircom, r1csSizes, requireInsideRoot } from "./lib/circuits.mjs";
import { hasGnuTime, log, measure as measureIn, median, modules, ownJvm, root, runOk, snarkjs, snarkjsCli, zkml4jTool }
  from "./lib/process.mjs";

const ENTROPY = "-e=side-by-side benchmark entropy";

for (const event of ["uncaughtException", "unhandledRejection"]) process.on(event, (e) => fail(e?.message ?? String(e)));
const opts = parseArgs(process.argv.slice(2));
const tools = { snarkjs, zkml4j: zkml4jTool() };

function parseArgs(argv) {
  const o = { rounds: 3, circuits: ["mnist", "poseidon:500"], ceremonyPower: 16, skipSlow: false,
    cache: join(root, ".cache", "bench", "groth16") };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === "--rounds") o.rounds = Number(value());
    else if (flag === "--circuits") o.circuits = value().split(",").filter(Boolean);
    else if (flag === "--ceremony-power") o.ceremonyPower = Number(value());
    else if (flag === "--skip-slow") o.skipSlow = true;
    else if (flag === "--smoke") Object.assign(o, { rounds: 1, circuits: ["poseidon:4"], ceremonyPower: 10 });
    else if (flag === "--cache") o.cache = resolve(value());
    else fail(`unknown option ${argv[i]}`);
  }
  if (!(o.rounds >= 1) || !(o.ceremonyPower >= 1 && o.ceremonyPower <= 28)) fail("bad --rounds or --ceremony-power");
  requireInsideRoot(o.cache);
  return o;
}

function fail(message) {
  console.error(`bench-groth16: ${message}`);
  process.exit(1);
}

const measure = (command) => measureIn(command, opts.cache);

// ------------------------------------------------------------------ circuits and ceremonies

function circuit(spec) {
  const poseidon = spec.match(/^poseidon:(\d+)$/);
  if (spec === "mnist") {
    return { name: "mnist_convnet", source: "interop/node_modules/circomlib-ml/test/circuits/mnist_convnet_test.circom",
      input: () => readFileSync(join(modules, "circomlib-ml", "models", "mnist_convnet_input.json"), "utf8") };
  }
  if (poseidon) {
    const n = Number(poseidon[1]);
    return { name: `poseidon_chain_${n}`, main: `pragma circom 2.0.0;\ninclude "bench/peers/circuits/poseidon_chain.circom";\n`
        + `component main {public [seed]} = PoseidonChain(${n});\n`,
      input: () => JSON.stringify({ seed: "1", key: ["2", "3", "4", "5", "6", "7", "8", "9"] }) };
  }
  fail(`unknown circuit ${spec}; use mnist or poseidon:<hashes>`);
}

/** Compiles the circuit and computes its witness, unless the cache has them. */
function build(c) {
  const dir = join(opts.cache, "circuits", c.name);
  const r1cs = join(dir, "circuit.r1cs"), wasm = join(dir, "circuit_js", "circuit.wasm");
  const wtns = join(dir, "witness.wtns");
  if (!existsSync(wtns)) {
    const source = c.source ?? relative(root, join(opts.cache, "circuits", `${c.name}.circom`));
    mkdirSync(join(opts.cache, "circuits"), { recursive: true });
    if (c.main) writeFileSync(join(root, source), c.main);
    log(`compiling ${c.name} with circom2 (once; cached in ${relative(root, dir)})`);
    compileCircom(source, dir);
    writeFileSync(join(dir, "input.json"), c.input());
    log(`computing ${c.name}'s witness`);
    runOk(["node", [join(dir, "circuit_js", "generate_witness.js"), wasm, join(dir, "input.json"), wtns]]);
  }
  return { ...c, dir, r1cs, wtns, ...r1csSizes(r1cs) };
}

/** pot<power>_0000 (new), _0001 (one contribution) and _final (prepared), made by zkml4j once. */
// (by default the shared ceremonies of lib/circuits.mjs, which bench-mnist reuses)
const ceremony = (power) => makeCeremony(join(opts.cache, "ptau"), power, tools.zkml4j, ENTROPY);

// ------------------------------------------------------------------ the runs

const rows = [];

/**
 * Runs each tool's command `rounds` times, alternating which goes first, and records the samples. zkml4j
 * runs twice per round: by the launcher's daemon (a JVM kept up between commands, as users run it) and in
 * a JVM of its own (--no-daemon: JVM start-up and JIT warm-up in every run).
 */
async function compare(step, circuitName, size, commands, rounds = opts.rounds) {
  commands = { ...commands, "zkml4j own JVM": ownJvm(commands.zkml4j) };
  const samples = { snarkjs: [], zkml4j: [], "zkml4j own JVM": [] };
  for (let r = 0; r < rounds; r++) {
    const order = ["snarkjs", "zkml4j", "zkml4j own JVM"];
    if (r % 2 === 1) order.reverse();
    for (const tool of order) {
      if (!commands[tool] || (tool === "snarkjs" && commands.snarkjsOnce && r > 0)) continue;
      samples[tool].push(await measure(commands[tool]));
      const last = samples[tool].at(-1);
      log(`  ${step} ${circuitName}: ${tool} ${last.seconds.toFixed(2)} s, ${last.peakMb.toFixed(0)} MB (round ${r + 1}/${rounds})`);
    }
  }
  const summary = (tool) => samples[tool].length === 0 ? null : {
    seconds: median(samples[tool].map((s) => s.seconds)), peakMb: Math.max(...samples[tool].map((s) => s.peakMb)),
    runs: samples[tool].length };
  const peer = summary("snarkjs");
  rows.push({ tool: "snarkjs", step, circuit: circuitName, size, ...peer, note: commands.snarkjsNote });
  for (const [tool, label] of [["zkml4j", "zkml4j (daemon)"], ["zkml4j own JVM", "zkml4j (own JVM)"]]) {
    const ours = summary(tool);
    rows.push({ tool: label, step, circuit: circuitName, size, ...ours, ratio: peer && ours ? peer.seconds / ours.seconds : null });
  }
}

async function benchCircuit(c) {
  const ptau = ceremony(c.power).prepared;
  const size = `${c.constraints} (ptau 2^${c.power})`;
  const key = (tool) => join(c.dir, `${tool}_0000.zkey`);
  log(`${c.name}: ${c.constraints} constraints, ${c.nPublic} public signals, ceremony of power ${c.power}`);
  await compare("groth16 setup", c.name, size, {
    snarkjs: tools.snarkjs("groth16", "setup", c.r1cs, ptau, key("snarkjs")),
    zkml4j: tools.zkml4j("groth16", "setup", c.r1cs, ptau, key("zkml4j")),
  });
  const out = (tool, file) => join(c.dir, `${tool}_${file}`);
  await compare("groth16 prove", c.name, size, {
    snarkjs: tools.snarkjs("groth16", "prove", key("snarkjs"), c.wtns, out("snarkjs", "proof.json"), out("snarkjs", "public.json")),
    zkml4j: tools.zkml4j("groth16", "prove", key("snarkjs"), c.wtns, out("zkml4j", "proof.json"), out("zkml4j", "public.json")),
  });
  // a fast wrong answer is no answer: snarkjs must accept zkml4j's proof
  runOk(tools.snarkjs("zkey", "export", "verificationkey", key("snarkjs"), out("snarkjs", "vk.json")));
  const verdict = spawnSync("node", [snarkjsCli, "groth16", "verify", out("snarkjs", "vk.json"),
    out("zkml4j", "public.json"), out("zkml4j", "proof.json")], { cwd: root, encoding: "utf8" });
  if (verdict.status !== 0) fail(`snarkjs rejects zkml4j's proof of ${c.name}:\n${verdict.stdout}${verdict.stderr}`);
  log(`  snarkjs verifies zkml4j's proof of ${c.name}: OK`);
}

async function benchCeremony(power) {
  const files = ceremony(power);
  const size = `2^${power}`;
  const out = (tool, step) => join(opts.cache, "ptau", `bench_${tool}_${step}.ptau`);
  await compare("powersoftau contribute", "-", size, {
    snarkjs: tools.snarkjs("powersoftau", "contribute", files.fresh, out("snarkjs", "contribute"), ENTROPY),
    zkml4j: tools.zkml4j("powersoftau", "contribute", files.fresh, out("zkml4j", "contribute"), ENTROPY),
  });
  await compare("powersoftau prepare phase2", "-", size, {
    snarkjs: opts.skipSlow ? null : tools.snarkjs("powersoftau", "prepare", "phase2", files.contributed, out("snarkjs", "pt2")),
    snarkjsOnce: true,
    snarkjsNote: opts.skipSlow ? "skipped (--skip-slow)" : "1 run (slow)",
    zkml4j: tools.zkml4j("powersoftau", "prepare", "phase2", files.contributed, out("zkml4j", "pt2")),
  });
  for (const tool of ["snarkjs", "zkml4j"]) for (const step of ["contribute", "pt2"]) rmSync(out(tool, step), { force: true });
}

function printTable() {
  const header = ["tool", "step", "circuit", "constraints", "median s", "peak MB", "runs", "ratio"];
  const body = rows.map((r) => [r.tool, r.step, r.circuit, r.size,
    r.seconds == null ? (r.note ?? "-") : r.seconds.toFixed(2), r.peakMb == null ? "-" : r.peakMb.toFixed(0),
    String(r.runs ?? 0), r.ratio == null ? "" : `${r.ratio.toFixed(2)}x`]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
  console.log(`\nGroth16 side by side on ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB`
    + ` (node ${process.version}, snarkjs ${JSON.parse(readFileSync(join(modules, "snarkjs", "package.json"))).version}).`);
  console.log("Wall time: the whole command from process start to exit (runtime start-up and file I/O included),"
    + " median over the runs, the tools' processes alternating;");
  console.log(`peak MB: the largest resident set of any run, by ${hasGnuTime ? "GNU time (-f %M)"
    : "polling /proc VmHWM every 50 ms (apt-get install -y time for GNU time)"}.`);
  console.log("zkml4j (daemon): the zkml4j command as users run it, served by the launcher's background JVM, which the"
    + " earlier runs have warmed (its first run includes starting it); peak MB: that command's own peak in the daemon.");
  console.log("zkml4j (own JVM): --no-daemon, a fresh JVM per run (start-up and JIT warm-up included).");
  console.log("ratio = snarkjs's median / zkml4j's (above 1: zkml4j is faster). Proving uses snarkjs's key for both.\n");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
  if (opts.skipSlow) console.log("\nsnarkjs's powersoftau prepare phase2 was skipped (--skip-slow).");
}

mkdirSync(opts.cache, { recursive: true });
for (const spec of opts.circuits) await benchCircuit(build(circuit(spec)));
await benchCeremony(opts.ceremonyPower);
printTable();
