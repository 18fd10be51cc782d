// Reference pairing values from ffjavascript's bn128 (the library snarkjs verifies with).
// Usage: node ffjavascript-pairing.mjs <interop dir>, then lines "a b" (decimal scalars) on stdin.
// For each line prints one line of 18 decimal numbers: a*G1 (x y), b*G2 (x.c0 x.c1 y.c0 y.c1),
// and e(a*G1, b*G2) as its 12 Fq coordinates in tower order (c0.c0.c0, c0.c0.c1, ..., c1.c2.c1).
import { createRequire } from "module";
import { readFileSync } from "fs";

const require = createRequire(process.argv[2] + "/package.json");
const { buildBn128 } = require("ffjavascript");
const bn128 = await buildBn128(true);
const { G1, G2, Gt } = bn128;

const out = [];
for (const line of readFileSync(0, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const [a, b] = line.trim().split(/\s+/).map(BigInt);
  const p = G1.timesScalar(G1.g, a);
  const q = G2.timesScalar(G2.g, b);
  const [px, py] = G1.toObject(G1.toAffine(p));
  const [qx, qy] = G2.toObject(G2.toAffine(q));
  const e = Gt.toObject(bn128.pairing(p, q)).flat(2);
  out.push([px, py, ...qx, ...qy, ...e].map(String).join(" "));
}
process.stdout.write(out.join("\n") + "\n");
await bn128.terminate();
