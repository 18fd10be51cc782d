// Circuits and ceremonies for the side-by-side benchmarks: compiling a .circom file with circom2,
// reading a .r1cs header, and the powers-of-tau ceremony a circuit needs, made once by zkml4j.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "fs";
import { isAbsolute, join, relative } from "path";
import { circomCli, log, root, runOk } from "./process.mjs";

/**
 * Throws unless dir is inside the repository: circom2 runs under WASI and reaches files only by
 * paths below its working folder (the root).
 */
export function requireInsideRoot(dir) {
  const rel = relative(root, dir);
  if (rel.startsWith("..") || isAbsolute(rel)) {
    throw new Error("the cache folder must be inside the repository (circom2 cannot reach files above it)");
  }
}

/**
 * Compiles a .circom file (a path relative to the root) with circom2 into dir as circuit.r1cs and,
 * with wasm, circuit_js/ (circuit.wasm, generate_witness.js); the root and interop/node_modules are
 * include folders. flags: more circom options, e.g. ["--O2"].
 */
export function compileCircom(source, dir, { wasm = true, flags = [] } = {}) {
  rmSync(dir, { recursive: true, force: true });
  runOk(circomCommand(source, dir, { wasm, flags }));
  return collectCircom(source, dir, { wasm });
}

/** The circom2 command line that compiles source into dir (created here), for compileCircom or a measured run. */
export function circomCommand(source, dir, { wasm = true, flags = [] } = {}) {
  requireInsideRoot(dir);
  mkdirSync(dir, { recursive: true });
  return ["node", [circomCli, source, "--r1cs", ...(wasm ? ["--wasm"] : []), ...flags, "-l", ".",
    "-l", "interop/node_modules", "-o", relative(root, dir)]];
}

/** Renames circom2's outputs in dir to circuit.r1cs and circuit_js/circuit.wasm. */
export function collectCircom(source, dir, { wasm = true } = {}) {
  const base = source.split("/").pop().replace(/\.circom$/, "");
  renameSync(join(dir, `${base}.r1cs`), join(dir, "circuit.r1cs"));
  if (wasm) {
    renameSync(join(dir, `${base}_js`), join(dir, "circuit_js"));
    renameSync(join(dir, "circuit_js", `${base}.wasm`), join(dir, "circuit_js", "circuit.wasm"));
  }
  return { r1cs: join(dir, "circuit.r1cs"), wasm: join(dir, "circuit_js", "circuit.wasm") };
}

/**
 * Constraints and public signals from a .r1cs header (section 1), and the ceremony power its
 * Groth16 setup needs by zkml4j's rule (Phase2.requiredPtauPower: the domain 2^k > constraints +
 * public signals; from k = 15 one more power, since snarkjs's circuit hash reads past a power-k
 * ceremony).
 */
export function r1csSizes(file) {
  const b = readFileSync(file);
  for (let pos = 12, i = 0; i < b.readUInt32LE(8); i++) {
    const type = b.readUInt32LE(pos), size = Number(b.readBigUInt64LE(pos + 4));
    if (type === 1) {
      const h = pos + 12 + 4 + b.readUInt32LE(pos + 12);
      const nPublic = b.readUInt32LE(h + 4) + b.readUInt32LE(h + 8);
      const constraints = b.readUInt32LE(h + 24);
      const k = (constraints + nPublic).toString(2).length;
      return { constraints, nPublic, power: k <= 14 ? k : k + 1 };
    }
    pos += 12 + size;
  }
  throw new Error(`${file} has no header section`);
}

/**
 * The ceremonies the side-by-side benchmarks share (git ignores .cache): each power is made once,
 * by whichever benchmark needs it first (bench-groth16 was the first, hence the folder's name).
 */
export const sharedCeremonies = join(root, ".cache", "bench", "groth16", "ptau");

/** The smallest prepared ceremony in dir of at least this power, as {power, prepared}, or null. */
export function smallestPrepared(dir, power) {
  const powers = existsSync(dir) ? readdirSync(dir).map((f) => f.match(/^pot(\d+)_final\.ptau$/)).filter(Boolean)
    .map((m) => Number(m[1])).filter((p) => p >= power).sort((a, b) => a - b) : [];
  return powers.length ? { power: powers[0], prepared: join(dir, `pot${powers[0]}_final.ptau`) } : null;
}

/**
 * pot<power>_0000 (new), _0001 (one contribution) and _final (prepared) in dir, each made by zkml4j
 * (a [program, args] builder) unless already there.
 */
export function ceremony(dir, power, zkml4j, entropy) {
  mkdirSync(dir, { recursive: true });
  const f = (suffix) => join(dir, `pot${power}_${suffix}.ptau`);
  if (!existsSync(f("0000"))) {
    log(`making a power-${power} ceremony with zkml4j (once; cached in ${relative(root, dir)})`);
    runOk(zkml4j("powersoftau", "new", "bn128", String(power), f("0000")));
  }
  if (!existsSync(f("0001"))) runOk(zkml4j("powersoftau", "contribute", f("0000"), f("0001"), entropy));
  if (!existsSync(f("final"))) runOk(zkml4j("powersoftau", "prepare", "phase2", f("0001"), f("final")));
  return { fresh: f("0000"), contributed: f("0001"), prepared: f("final") };
}
