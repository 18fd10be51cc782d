// Reference for the Keccak-256 tests: js-sha3 (snarkjs's and ethers v5's Keccak) and
// @noble/hashes (ethers v6's) from interop/node_modules (run with interop/ as the working
// directory). Reads one request per line from standard input, "k <hex>" (the hex may be empty),
// and prints for each the two hex digests of keccak256(bytes), space-separated.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.join(process.cwd(), "package.json"));
const jsSha3 = require("js-sha3");
const { keccak_256: nobleKeccak } = require("@noble/hashes/sha3");

const out = [];
for (const line of fs.readFileSync(0, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const [op, hex = ""] = line.trim().split(/\s+/);
  if (op !== "k") throw new Error("unknown request: " + line);
  const bytes = Uint8Array.from(Buffer.from(hex, "hex"));
  out.push(jsSha3.keccak256(bytes) + " " + Buffer.from(nobleKeccak(bytes)).toString("hex"));
}
process.stdout.write(out.join("\n") + "\n");
