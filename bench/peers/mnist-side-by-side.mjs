// The headline MNIST benchmark (scripts/bench-mnist): in one run on this machine,
//  (a) float vs quantized accuracy of models/mnist/lenet.onnx over the whole test subset, both presets;
//  (b) one lenet proof (witness + prove) in-process after a warm-up, and the cold `zkml4j prove`
//      command, with the weights fixed and with the weights private: medians, min/max, peak memory;
//  (c) circom2 + snarkjs against zkml4j on circomlib-ml's mnist_convnet network (less its ArgMax) at
//      full and half width: constraints, setup, witness, prove, peak memory, end-to-end ratios from
//      the same ceremony file; and circom2's compile of mnist_latest_precision next to zkml4j's
//      constraint counts for the same architecture (models/mnist/circomlib-ml-arch.onnx).
//
// Usage: node mnist-side-by-side.mjs [--rounds N] [--quick] [--parts a,b,c,d] [--cache DIR]
//   --rounds N  timed runs per step (default 3); processes of the tools alternate, and which goes first
//   --quick     1 round, only the half-width convnet in (c), and no compile of the 2-million-constraint
//               mnist_latest_precision circuit
//   --parts     run only some parts: a accuracy, b lenet proofs, c convnets, d mnist_latest_precision
// Environment: ZKML4J (the zkml4j command as words), ZKML4J_JAVA (java and its flags) and ZKML4J_CP
// (the bench jar) for the in-process runner org.zkml4j.bench.MnistRun. scripts/bench-mnist sets them.
//
// Cached under the cache folder (default .cache/bench/mnist, which git ignores): circom2's builds of
// the convnets and the model directories with their keys (recompiled every run, which is cheap, and set
// up again only when the circuit changed). Ceremonies are made by zkml4j's powersoftau, untimed, one
// file per power, and shared with bench-groth16 (.cache/bench/groth16/ptau) unless --cache is given.
// A timed setup reads the ceremony of exactly the power it needs, the same file for both tools.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { cpus, loadavg, totalmem } from "os";
import { join, relative, resolve } from "path";
import { ceremony, circomCommand, collectCircom, compileCircom, r1csSizes, requireInsideRoot, sharedCeremonies,
  smallestPrepared } from "./lib/circuits.mjs";
import { hasGnuTime, log, measure, median, modules, ownJvm, root, runOk, snarkjs, zkml4jTool } from "./lib/process.mjs";
import { count, fixed, printTable } from "./lib/table.mjs";

const ENTROPY = "-e=mnist benchmark entropy";
const MODELS = "models/mnist";
const CALIBRATION = `${MODELS}/calibration.json`;
const DIGIT = `${MODELS}/digit-7.png`;

for (const event of ["uncaughtException", "unhandledRejection"]) process.on(event, (e) => fail(e?.stack ?? String(e)));
const opts = parseArgs(process.argv.slice(2));
const zkml4j = zkml4jTool();
const java = (process.env.ZKML4J_JAVA || "java").split(" ").filter(Boolean);
if (!process.env.ZKML4J_CP) fail("set ZKML4J_CP to the bench jar (scripts/bench-mnist does)");
const mnistRun = (...args) => [java[0], [...java.slice(1), "-cp", process.env.ZKML4J_CP, "org.zkml4j.bench.MnistRun", ...args]];

function parseArgs(argv) {
  const o = { rounds: 3, quick: false, parts: ["a", "b", "c", "d"], cache: join(root, ".cache", "bench", "mnist") };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === "--rounds") o.rounds = Number(value());
    else if (flag === "--quick") o.quick = true;
    else if (flag === "--parts") o.parts = value().split(",").filter(Boolean);
    else if (flag === "--cache") Object.assign(o, { cache: resolve(value()), cacheGiven: true });
    else fail(`unknown option ${argv[i]}; use --rounds N, --quick, --parts a,b,c,d, --cache DIR`);
  }
  if (o.quick) o.rounds = 1;
  if (!(Number.isInteger(o.rounds) && o.rounds >= 1)) fail("--rounds takes a whole number >= 1");
  requireInsideRoot(o.cache);
  return o;
}

function fail(message) {
  console.error(`bench-mnist: ${message}`);
  process.exit(1);
}

const run = (command, options) => measure(command, opts.cache, options);
const lastJson = (output) => JSON.parse(output.trim().split("\n").filter((l) => l.startsWith("{")).pop());
/** The prepared ceremony of exactly this power (made by zkml4j if missing): what a timed setup reads. */
const ptauFile = (power) => ceremony(ceremonyFolder(), power, zkml4j, ENTROPY).prepared;
/** For an untimed setup, any cached ceremony large enough will do; else the exact one is made. */
const anyPtau = (power) => smallestPrepared(ceremonyFolder(), power) ?? { power, prepared: ptauFile(power) };
const ceremonyFolder = () => (opts.cacheGiven ? join(opts.cache, "ptau") : sharedCeremonies);
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const pct = (correct, n) => (100 * correct) / n;

/** Compiles an ONNX model into a model directory of the cache, and reads its circuit's sizes. */
function compileModel(name, onnx, weights, optimize = "accuracy") {
  const dir = join(opts.cache, "models", `${name}-${weights}`);
  runOk(zkml4j("compile", onnx, "-o", dir, "--calibration", CALIBRATION, "--input=private", `--weights=${weights}`,
    "--output=public", `--optimize=${optimize}`));
  return { name, weights, dir, ...r1csSizes(join(dir, "circuit.r1cs")) };
}

/** Sets up a model directory from a prepared ceremony file, unless it holds keys already. */
function setupOnce(model, ptau) {
  if (!existsSync(join(model.dir, "circuit.zkey"))) runOk(zkml4j("setup", model.dir, "--ptau", ptau));
}

/** Fails unless snarkjs accepts the proof in proofDir for the model directory's verification key. */
function snarkjsVerifies(vk, proofDir, what) {
  runOk(snarkjs("groth16", "verify", vk, join(proofDir, "public.json"), join(proofDir, "proof.json")));
  log(`  snarkjs verifies ${what}: OK`);
}

// ------------------------------------------------------------------ (a) accuracy

function accuracy() {
  log("(a) lenet.onnx: float and quantized accuracy over test-subset.json");
  const r = lastJson(runOk(mnistRun("accuracy", `${MODELS}/lenet.onnx`, CALIBRATION, `${MODELS}/test-subset.json`)));
  console.log(`\n(a) Accuracy of lenet.onnx on the ${r.digits} held-out digits of test-subset.json: float = the`
    + " graph's ReferenceEvaluator (float32),\n    quantized = QuantizedGraph.evaluate (the circuit's exact integer"
    + " semantics), calibrated on calibration.json. Target: within 0.5 points.\n");
  const float = pct(r.floatCorrect, r.digits);
  printTable(["preset", "float %", "quantized %", "difference (points)", "same class as float", "constraints"],
    r.presets.map((p) => [p.optimize, fixed(float), fixed(pct(p.quantizedCorrect, r.digits)),
      fixed(pct(p.quantizedCorrect, r.digits) - float), `${p.agree}/${r.digits}`, count(p.constraints)]), [1, 2, 3, 4, 5]);
}

// ------------------------------------------------------------------ (b) one MNIST proof

async function lenetProofs() {
  log("(b) lenet.onnx: one proof, in-process and as a cold command");
  const rows = [], cold = [];
  for (const weights of ["fixed", "private"]) {
    const model = compileModel("lenet", `${MODELS}/lenet.onnx`, weights);
    setupOnce(model, anyPtau(model.power).prepared);
    const inProcess = await run(mnistRun("prove", model.dir, DIGIT, String(opts.rounds)));
    const r = lastJson(inProcess.output);
    if (!r.verified) fail(`a lenet proof (weights ${weights}) did not verify`);
    const total = r.witnessMs.map((w, i) => w + r.proveMs[i]);
    log(`  in-process, weights ${weights}: witness + prove ${total.map((t) => t.toFixed(0)).join(", ")} ms`);
    const proofDir = join(opts.cache, "proofs", `lenet-${weights}`);
    const runs = { daemon: [], "own JVM": [] };
    for (let i = 0; i < opts.rounds; i++) {
      for (const [how, command] of [["daemon", zkml4j("prove", model.dir, "--input", DIGIT, "-o", proofDir)],
        ["own JVM", ownJvm(zkml4j("prove", model.dir, "--input", DIGIT, "-o", proofDir))]]) {
        runs[how].push(await run(command));
        log(`  zkml4j prove (${how}), weights ${weights}: ${runs[how].at(-1).seconds.toFixed(2)} s`);
      }
    }
    snarkjsVerifies(join(model.dir, "verification_key.json"), proofDir, `zkml4j's lenet proof (weights ${weights})`);
    const t = stats(total), w = median(r.witnessMs), p = median(r.proveMs);
    rows.push([`weights ${weights}`, count(model.constraints), fixed(t.median / 1000), fixed(t.min / 1000),
      fixed(t.max / 1000), fixed(w / 1000, 3), fixed(p / 1000), fixed(r.peakRssMb, 0), fixed(inProcess.peakMb, 0)]);
    for (const [how, rs] of Object.entries(runs)) {
      cold.push([`weights ${weights}`, how, fixed(median(rs.map((x) => x.seconds))),
        fixed(Math.min(...rs.map((x) => x.seconds))), fixed(Math.max(...rs.map((x) => x.seconds))),
        fixed(Math.max(...rs.map((x) => x.peakMb)), 0)]);
    }
  }
  console.log(`\n(b) One MNIST proof: lenet.onnx, image private, output public, ${DIGIT}. In-process: one JVM`
    + ` (org.zkml4j.bench.MnistRun), keys read from the model directory,\n    1 untimed warm-up, then ${opts.rounds}`
    + ` timed proof(s) (witness + Groth16 prove; each verified untimed). Peak: the whole process's resident set`
    + ` (VmHWM; GNU time). Targets: median <= 2 s, peak <= 2 GB.\n`);
  printTable(["circuit", "constraints", "median s", "min s", "max s", "witness s", "prove s", "peak MB (VmHWM)",
    "peak MB (time)"], rows, [1, 2, 3, 4, 5, 6, 7, 8]);
  console.log(`\n    The command \`zkml4j prove <model dir> --input ${DIGIT} -o <proof dir>\`: reading the model, the keys,`
    + " witness, prove, writing the files; served by the launcher's daemon (as users run it; the first run\n    may"
    + " start it), or in a JVM of its own (--no-daemon: JVM start and JIT warm-up included). Peak: the command's own.\n");
  printTable(["circuit", "JVM", "median s", "min s", "max s", "peak MB"], cold, [2, 3, 4, 5]);
}

// ------------------------------------------------------------------ (c) circom + snarkjs side by side

const CONVNETS = [
  { name: "mnist_convnet", filters: [4, 8], onnx: `${MODELS}/convnet-poly.onnx`, peers: "64,856" },
  // PEERS.md's "same with 1/2 filters" row (12,227) came from a circuit that is not in the repository;
  // 2 and 4 filters on the same 28x28 input count 23,716 (each product of a weight signal costs one)
  { name: "mnist_convnet_half", filters: [2, 4], onnx: `${MODELS}/convnet-poly-half.onnx`,
    peers: "12,227 for its own \"1/2 filters\" circuit, not this one" },
];

/**
 * circomlib-ml's published input for mnist_convnet (a digit and its trained integer weights), cut
 * to the first f1 and f2 filters: the flat arrays follow circom's row-major signal order, weights
 * [3][3][in][out], dense rows (i * 5 + j) * 8 + channel.
 */
function convnetInput([f1, f2]) {
  const full = JSON.parse(readFileSync(join(modules, "circomlib-ml", "models", "mnist_convnet_input.json"), "utf8"));
  const conv = (w, cin, cout, fin, fout) => w.filter((_, idx) => idx % cout < fout && Math.floor(idx / cout) % cin < fin);
  const dense = full.dense_weights.filter((_, idx) => Math.floor(idx / 10) % 8 < f2);
  return { in: full.in, conv2d_1_weights: conv(full.conv2d_1_weights, 1, 4, 1, f1),
    conv2d_1_bias: full.conv2d_1_bias.slice(0, f1), conv2d_2_weights: conv(full.conv2d_2_weights, 4, 8, f1, f2),
    conv2d_2_bias: full.conv2d_2_bias.slice(0, f2), dense_weights: dense, dense_bias: full.dense_bias };
}

/** circom2 --O2 build of the convnet wrapper at the given width, cached. */
function buildConvnet(c) {
  const dir = join(opts.cache, "circuits", c.name);
  const wasm = join(dir, "circuit_js", "circuit.wasm"), input = join(dir, "input.json");
  let compileSeconds = null;
  if (!existsSync(input)) {
    const source = relative(root, join(opts.cache, "circuits", `${c.name}.circom`));
    mkdirSync(join(opts.cache, "circuits"), { recursive: true });
    writeFileSync(join(root, source), `pragma circom 2.0.0;\ninclude "bench/peers/circuits/mnist_convnet_layers.circom";\n`
      + `component main = MnistConvnetLayers(${c.filters.join(", ")});\n`);
    log(`  compiling ${c.name} with circom2 --O2 (once; cached in ${relative(root, dir)})`);
    const t0 = process.hrtime.bigint();
    compileCircom(source, dir, { flags: ["--O2"] });
    compileSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    writeFileSync(input, JSON.stringify(convnetInput(c.filters)));
  }
  return { dir, wasm, input, r1cs: join(dir, "circuit.r1cs"), compileSeconds, ...r1csSizes(join(dir, "circuit.r1cs")) };
}

async function convnets() {
  const rows = [], notes = [];
  // --quick skips the full-width network: its zkml4j circuits need a 2^19 ceremony, minutes to make
  for (const c of opts.quick ? CONVNETS.filter((n) => n.name.endsWith("_half")) : CONVNETS) {
    log(`(c) ${c.name}: circom2 + snarkjs and zkml4j`);
    const circom = buildConvnet(c);
    const ours = ["fixed", "private"].map((w) => compileModel(c.name, c.onnx, w));
    const power = Math.max(circom.power, ...ours.map((m) => m.power));
    const ptau = ptauFile(power);
    const f = (file) => join(circom.dir, file);
    const steps = {
      snarkjs: { setup: snarkjs("groth16", "setup", circom.r1cs, ptau, f("snarkjs_0000.zkey")),
        contribute: snarkjs("zkey", "contribute", f("snarkjs_0000.zkey"), f("snarkjs.zkey"), "--name=bench", ENTROPY),
        witness: snarkjs("wtns", "calculate", circom.wasm, circom.input, f("witness.wtns")),
        prove: snarkjs("groth16", "prove", f("snarkjs.zkey"), f("witness.wtns"), f("proof.json"), f("public.json")) },
    };
    const constraints = { snarkjs: circom.constraints };
    // Each zkml4j route twice: served by the launcher's daemon (as users run it), and each command in a JVM of its own.
    for (const [suffix, z] of [["", zkml4j], [", own JVMs", (...a) => ownJvm(zkml4j(...a))]]) {
      // the snarkjs drop-in route: zkml4j's groth16 verbs on circom's own circuit and witness
      const dropIn = `zkml4j groth16 on circom's r1cs${suffix}`;
      steps[dropIn] = { setup: z("groth16", "setup", circom.r1cs, ptau, f("zkml4j_0000.zkey")),
        contribute: z("zkey", "contribute", f("zkml4j_0000.zkey"), f("zkml4j.zkey"), "--name=bench", ENTROPY),
        witness: snarkjs("wtns", "calculate", circom.wasm, circom.input, f("witness-z.wtns")),
        prove: z("groth16", "prove", f("zkml4j.zkey"), f("witness-z.wtns"), f("zkml4j-proof.json"), f("zkml4j-public.json")) };
      constraints[dropIn] = circom.constraints;
      for (const m of ours) {
        steps[`zkml4j ${m.weights}${suffix}`] = { setup: z("setup", m.dir, "--ptau", ptau),
          prove: z("prove", m.dir, "--input", DIGIT, "-o", join(m.dir, "proof")) };
        constraints[`zkml4j ${m.weights}${suffix}`] = m.constraints;
      }
    }
    const samples = Object.fromEntries(Object.keys(steps).map((t) => [t, { setup: [], contribute: [], witness: [], prove: [], peakMb: 0 }]));
    for (let r = 0; r < opts.rounds; r++) {
      const order = Object.keys(steps);
      if (r % 2 === 1) order.reverse();
      for (const tool of order) {
        for (const step of ["setup", "contribute", "witness", "prove"]) {
          if (!steps[tool][step]) continue;
          const m = await run(steps[tool][step]);
          samples[tool][step].push(m.seconds);
          samples[tool].peakMb = Math.max(samples[tool].peakMb, m.peakMb);
          log(`  ${c.name} ${tool} ${step}: ${m.seconds.toFixed(2)} s, ${m.peakMb.toFixed(0)} MB (round ${r + 1}/${opts.rounds})`);
        }
      }
    }
    runOk(snarkjs("zkey", "export", "verificationkey", f("snarkjs.zkey"), f("vk.json")));
    snarkjsVerifies(f("vk.json"), circom.dir, `its own ${c.name} proof`);
    runOk(snarkjs("zkey", "export", "verificationkey", f("zkml4j.zkey"), f("zkml4j-vk.json")));
    runOk(snarkjs("groth16", "verify", f("zkml4j-vk.json"), f("zkml4j-public.json"), f("zkml4j-proof.json")));
    log(`  snarkjs verifies zkml4j's groth16 proof on circom's ${c.name} circuit: OK`);
    for (const m of ours) snarkjsVerifies(join(m.dir, "verification_key.json"), join(m.dir, "proof"), `zkml4j's ${c.name} proof (weights ${m.weights})`);
    const med = (xs) => (xs.length ? median(xs) : 0);
    const keys = (s) => med(s.setup) + med(s.contribute);
    const endToEnd = (s) => keys(s) + med(s.witness) + med(s.prove);
    const peer = endToEnd(samples.snarkjs);
    for (const [tool, s] of Object.entries(samples)) {
      const isPeer = tool === "snarkjs";
      rows.push([c.name, isPeer ? "circom2 --O2 + snarkjs" : tool, count(constraints[tool]), `2^${power}`, fixed(keys(s)),
        s.witness.length ? fixed(med(s.witness)) : "(in prove)", fixed(med(s.prove)), fixed(endToEnd(s)),
        fixed(s.peakMb, 0), isPeer ? "" : `${(peer / endToEnd(s)).toFixed(1)}x`,
        isPeer ? "" : `${((med(samples.snarkjs.witness) + med(samples.snarkjs.prove)) / (med(s.witness) + med(s.prove))).toFixed(1)}x`]);
    }
    notes.push(`${c.name}: circom2 counted ${count(circom.constraints)} constraints (PEERS.md: ${c.peers})`
      + (circom.compileSeconds == null ? "; its build came from the cache" : `; circom2 --O2 compiled it in ${circom.compileSeconds.toFixed(1)} s`));
  }
  console.log(`\n(c) circom2 + snarkjs (circomlib-ml's templates) against zkml4j on the same network: Conv(3x3, f1) - x^2`
    + " - SumPool - Conv(3x3, f2) - x^2 - SumPool - Dense(10),\n    f1/f2 = 4/8 (mnist_convnet less its ArgMax) and 2/4"
    + " (half). circom: image and weights private inputs (circomlib-ml's published input); zkml4j: models/mnist/"
    + "convnet-poly*.onnx\n    (trained briefly here, pooling as AveragePool), image private, weights fixed or private,"
    + ` ${DIGIT}. Both tools' setups read the same prepared ceremony (made by zkml4j, untimed).\n`
    + "    Every step is a whole command (process start included); medians over the rounds. zkml4j rows: commands"
    + " served by the launcher's daemon (a JVM kept up between commands,\n    as users run them; the first command starts"
    + " it), and ', own JVMs': --no-daemon, a fresh JVM per command. setup = keys with one"
    + " phase-2 contribution, as a real deployment needs:\n    snarkjs: groth16 setup + zkey contribute, wtns calculate"
    + " (circom's wasm), groth16 prove; zkml4j: setup <dir> --ptau (contribution included), prove <dir> (witness"
    + " included);\n    zkml4j groth16 on circom's r1cs: the snarkjs drop-in verbs (groth16 setup + zkey contribute,"
    + " groth16 prove) on circom's own circuit and wasm witness, the same constraints as snarkjs. Peak: the largest resident set of any step.\n    end to end = setup + witness + prove;"
    + " ratios = snarkjs's time / the row's (above 1: faster than snarkjs). Target: zkml4j >= 20x faster end to end.\n");
  printTable(["network", "tool", "constraints", "ptau", "setup s", "witness s", "prove s", "end to end s", "peak MB",
    "end-to-end ratio", "witness+prove ratio"], rows, [2, 4, 5, 6, 7, 8, 9, 10]);
  console.log("");
  for (const n of notes) console.log(`    ${n}`);
}

async function latestPrecision() {
  log("(c) mnist_latest_precision: constraint counts");
  const ours = ["private", "fixed"].map((w) => compileModel("circomlib-ml-arch", `${MODELS}/circomlib-ml-arch.onnx`, w));
  let circom = null, circomNote;
  if (opts.quick) {
    circomNote = "not compiled (--quick); PEERS.md: 2,045,276 constraints";
  } else {
    const source = "interop/node_modules/circomlib-ml/test/circuits/mnist_latest_precision_test.circom";
    const dir = join(opts.cache, "circuits", "mnist_latest_precision");
    rmSync(dir, { recursive: true, force: true });
    log("  compiling mnist_latest_precision with circom2 --O2 (minutes; several GB)");
    const m = await run(circomCommand(source, dir, { wasm: false, flags: ["--O2"] }), { allowFailure: true });
    if (m.code === 0) {
      circom = { ...r1csSizes(collectCircom(source, dir, { wasm: false }).r1cs), ...m };
      circomNote = `circom2 --O2 --r1cs: ${m.seconds.toFixed(1)} s, peak ${m.peakMb.toFixed(0)} MB`;
    } else {
      const tail = m.output.replace(/\x1b\[[0-9;]*m/g, "").trim().split("\n").slice(-3).join(" | ");
      circomNote = `circom2 --O2 FAILED after ${m.seconds.toFixed(1)} s (exit ${m.code}, peak ${m.peakMb.toFixed(0)} MB): ${tail}`;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  const fixedModel = ours[1];
  let proveRow = null;
  {
    const ptau = ptauFile(fixedModel.power);
    const setup = await run(zkml4j("setup", fixedModel.dir, "--ptau", ptau));
    const proves = [];
    for (let i = 0; i < opts.rounds; i++) {
      proves.push(await run(zkml4j("prove", fixedModel.dir, "--input", DIGIT, "-o", join(fixedModel.dir, "proof"))));
    }
    snarkjsVerifies(join(fixedModel.dir, "verification_key.json"), join(fixedModel.dir, "proof"),
      "zkml4j's circomlib-ml-arch proof (weights fixed)");
    proveRow = { power: fixedModel.power, setup, prove: median(proves.map((p) => p.seconds)),
      peakMb: Math.max(setup.peakMb, ...proves.map((p) => p.peakMb)) };
  }
  console.log("\n(c) mnist_latest_precision (Conv(4)-BN-ReLU-AvgPool-Conv(8)-BN-ReLU-AvgPool-Dense(10)-ArgMax): circom2's"
    + " count against zkml4j's for models/mnist/circomlib-ml-arch.onnx\n    (same architecture, image private, output"
    + " public). Issue 4's target: >= 5x fewer constraints (aim 10x).\n");
  const ratio = (m) => (circom ? `${(circom.constraints / m.constraints).toFixed(1)}x fewer` : "");
  printTable(["tool", "weights", "constraints", "vs circom"], [
    ["circom2 + circomlib-ml", "private (signals)", circom ? count(circom.constraints) : null, ""],
    ...ours.map((m) => ["zkml4j", m.weights, count(m.constraints), ratio(m)]),
  ], [2]);
  console.log(`\n    ${circomNote}.`);
  console.log("    snarkjs setup and prove on it: not run, not feasible on this machine: its 2,045,276 constraints need a"
    + " 2^21 ceremony, and snarkjs's\n    prepare phase2 took 20 minutes at 2^16 on such a machine and had not finished"
    + " 2^18 after 11 (PEERS.md).");
  console.log(`    zkml4j with weights fixed, from a 2^${proveRow.power} ceremony: setup ${proveRow.setup.seconds.toFixed(2)} s`
    + ` (1 run), prove (cold command) ${proveRow.prove.toFixed(2)} s median of ${opts.rounds}, peak ${proveRow.peakMb.toFixed(0)} MB.`);
}

mkdirSync(opts.cache, { recursive: true });
const load0 = loadavg()[0];
const started = Date.now();
if (opts.parts.includes("a")) accuracy();
if (opts.parts.includes("b")) await lenetProofs();
if (opts.parts.includes("c")) await convnets();
if (opts.parts.includes("d")) await latestPrecision();
console.log(`\nMachine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, snarkjs`
  + ` ${JSON.parse(readFileSync(join(modules, "snarkjs", "package.json"))).version}; load average ${load0.toFixed(1)} at`
  + ` the start, ${loadavg()[0].toFixed(1)} at the end (above ${cpus().length}: other work shared the cores).`);
console.log(`Peak memory by ${hasGnuTime ? "GNU time (-f %M)" : "polling /proc VmHWM every 50 ms"}; ${opts.rounds} round(s);`
  + ` ${((Date.now() - started) / 60000).toFixed(1)} minutes in all.`);
