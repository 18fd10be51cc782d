// Reference for the image commitment: reads one JSON array of signed integers per line (an
// opening, as the server returns it) and prints circomlibjs's Poseidon digest of it, as
// TensorCommitment documents: each v as v mod r; d = n; for each run of 15: d = poseidon([d, ...run]).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.join(process.cwd(), "package.json"));
const poseidon = await require("circomlibjs").buildPoseidon();
const r = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

const out = [];
for (const line of fs.readFileSync(0, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const xs = JSON.parse(line).map((v) => ((BigInt(v) % r) + r) % r);
  let d = BigInt(xs.length);
  for (let i = 0; i < xs.length; i += 15) {
    d = poseidon.F.toObject(poseidon([d, ...xs.slice(i, i + 15)]));
  }
  out.push(d.toString());
}
process.stdout.write(out.join("\n") + "\n", () => process.exit(0));
