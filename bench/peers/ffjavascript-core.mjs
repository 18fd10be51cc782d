// Times ffjavascript (the arithmetic under snarkjs) on the operations zkml4j's core benchmark
// compares: G1 MSM with random or 0/1 scalars, and an Fr FFT.
// Usage: node ffjavascript-core.mjs <msm-random|msm-bits|g2msm-random|fft> <log2 size> <timed runs>
// Prints one JSON line: {"op":..,"log2":..,"ms":[...]} (after one untimed warm-up run).
import { createRequire } from "module";
import { randomBytes } from "crypto";
const require = createRequire(import.meta.url);
const { buildBn128 } = require("../../interop/node_modules/ffjavascript/build/main.cjs");

const [op, logArg, runsArg] = process.argv.slice(2);
const log2 = Number(logArg), runs = Number(runsArg ?? 3), n = 1 << log2;
const curve = await buildBn128();

/** n distinct affine bases: the multiples G, 2G, ... up to 2^16 of them, repeated to fill n. */
async function bases(G) {
  const distinct = Math.min(n, 1 << 16);
  const sJac = G.F.n8 * 3;
  const jac = new Uint8Array(distinct * sJac);
  let p = G.g;
  for (let i = 0; i < distinct; i++) {
    jac.set(p, i * sJac);
    p = G.add(p, G.g);
  }
  const aff = await G.batchToAffine(jac);
  const out = new Uint8Array(n * G.F.n8 * 2);
  for (let off = 0; off < out.length; off += aff.length) out.set(aff.subarray(0, Math.min(aff.length, out.length - off)), off);
  return out;
}

function scalars(bits) {
  const s = randomBytes(32 * n);
  for (let i = 0; i < n; i++) {
    if (bits) {
      s.fill(0, 32 * i, 32 * i + 32);
      s[32 * i] = Math.random() < 0.5 ? 1 : 0;
    } else {
      s[32 * i + 31] &= 0x1f; // below 2^253 < r
    }
  }
  return new Uint8Array(s);
}

let run;
if (op === "fft") {
  const v = randomBytes(32 * n);
  for (let i = 0; i < n; i++) v[32 * i + 31] &= 0x1f;
  const buff = new Uint8Array(v);
  run = () => curve.Fr.fft(buff);
} else {
  const G = op.startsWith("g2") ? curve.G2 : curve.G1;
  const b = await bases(G);
  const s = scalars(op.endsWith("bits"));
  run = () => G.multiExpAffine(b, s);
}
await run();
const ms = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  await run();
  ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
console.log(JSON.stringify({ peer: "ffjavascript", op, log2, ms }));
await curve.terminate();
