// Reference for the Poseidon tests: circomlibjs 0.1.7 from interop/node_modules (run with interop/
// as the working directory). Reads requests from standard input, one per line, and prints one line
// per request, numbers in decimal:
//   hash x1 ... xn     -> the digest by buildPoseidon (wasm, circomlibjs's default), by
//                         buildPoseidonReference and by buildPoseidonOpt, space-separated
//   vector x1 ... xn   -> the vector digest documented on Poseidon.hashVector, via buildPoseidon
//   C t                -> circomlibjs's round constants for width t
//   M t                -> circomlibjs's MDS matrix for width t, row-major
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.join(process.cwd(), "package.json"));
const circomlibjs = require("circomlibjs");
const constantsFile = path.join(path.dirname(require.resolve("circomlibjs")), "..", "src", "poseidon_constants.json");
const constants = JSON.parse(fs.readFileSync(constantsFile, "utf8"));

const wasm = await circomlibjs.buildPoseidon();
const reference = await circomlibjs.buildPoseidonReference();
const opt = await circomlibjs.buildPoseidonOpt();
const F = wasm.F;
const dec = (x) => F.toObject(x).toString();

function vectorDigest(xs) {
  let d = BigInt(xs.length);
  for (let i = 0; i < xs.length; i += 15) {
    d = F.toObject(wasm([d, ...xs.slice(i, i + 15)]));
  }
  return d.toString();
}

const out = [];
for (const line of fs.readFileSync(0, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const [op, ...args] = line.trim().split(/\s+/);
  if (op === "hash") {
    const xs = args.map(BigInt);
    out.push([wasm(xs), reference(xs), opt(xs)].map(dec).join(" "));
  } else if (op === "vector") {
    out.push(vectorDigest(args.map(BigInt)));
  } else if (op === "C") {
    out.push(constants.C[Number(args[0]) - 2].map((h) => BigInt(h).toString()).join(" "));
  } else if (op === "M") {
    out.push(constants.M[Number(args[0]) - 2].flat().map((h) => BigInt(h).toString()).join(" "));
  } else {
    throw new Error("unknown request: " + line);
  }
}
process.stdout.write(out.join("\n") + "\n", () => process.exit(0));
