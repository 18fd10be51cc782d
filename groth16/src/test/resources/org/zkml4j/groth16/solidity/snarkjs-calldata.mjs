// Prints, for each input line {"proof": proof.json, "pub": public.json}, the Solidity calldata
// text of snarkjs's groth16.exportSolidityCallData (what `snarkjs zkey export soliditycalldata`
// prints), one line each. Working directory: interop/.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const snarkjs = require("snarkjs");

const lines = fs.readFileSync(0, "utf8").split("\n").filter((l) => l.trim() !== "");
for (const line of lines) {
  const { proof, pub } = JSON.parse(line);
  console.log(await snarkjs.groth16.exportSolidityCallData(proof, pub));
}
