// Compiles Solidity sources with solcjs (the npm `solc` package pinned in interop/) and prints one
// JSON object: {"version": ..., "contracts": {file: {contract: {"bytecode": hex, "runtimeSize": n}}},
// "warnings": {file: [message...]}}. Errors go to stderr with exit status 1.
//
// Usage: node solc-compile.mjs FILE.sol...   (working directory: interop/)
// Settings: optimizer on, 200 runs, the compiler's default EVM version.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const solc = require("solc");

const sources = {};
for (const file of process.argv.slice(2)) {
  sources[path.basename(file)] = { content: fs.readFileSync(file, "utf8") };
}
const input = {
  language: "Solidity",
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { "*": { "*": ["evm.bytecode.object", "evm.deployedBytecode.object"] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === "error");
if (errors.length > 0) {
  console.error(errors.map((e) => e.formattedMessage).join("\n"));
  process.exit(1);
}
const warnings = {};
for (const e of output.errors || []) {
  const file = e.sourceLocation ? e.sourceLocation.file : "";
  (warnings[file] ??= []).push(e.formattedMessage);
}
const contracts = {};
for (const [file, byName] of Object.entries(output.contracts || {})) {
  contracts[file] = {};
  for (const [name, c] of Object.entries(byName)) {
    contracts[file][name] = {
      bytecode: c.evm.bytecode.object,
      runtimeSize: c.evm.deployedBytecode.object.length / 2,
    };
  }
}
console.log(JSON.stringify({ version: solc.version(), contracts, warnings }));
