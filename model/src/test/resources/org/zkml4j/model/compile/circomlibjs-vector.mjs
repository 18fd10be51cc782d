// Reference for the hashed-tensor tests: circomlibjs's Poseidon (interop/node_modules, run with
// interop/ as the working directory). Each line of standard input is a vector of decimal field
// elements; each line of output is its digest as TensorCommitment documents it:
//   d = n; for each run of up to 15 elements: d = poseidon([d, ...run]); print d.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.join(process.cwd(), "package.json"));
const poseidon = await require("circomlibjs").buildPoseidon();

const lines = [];
for (const line of fs.readFileSync(0, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const xs = line.trim().split(/\s+/).map(BigInt);
  let d = BigInt(xs.length);
  for (let i = 0; i < xs.length; i += 15) {
    d = poseidon.F.toObject(poseidon([d, ...xs.slice(i, i + 15)]));
  }
  lines.push(d.toString());
}
process.stdout.write(lines.join("\n") + "\n", () => process.exit(0));
