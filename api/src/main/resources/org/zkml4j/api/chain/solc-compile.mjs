// Compiles Solidity with solcjs (the npm `solc` package pinned in interop/): reads a solc standard
// JSON input on stdin and prints one JSON object, {"version": solc's version, "output": solc's
// standard JSON output}. Compiler errors are in output.errors; the caller judges them.
//
// Usage: node solc-compile.mjs < input.json   (working directory: the folder above node_modules)
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const solc = require("solc");

const input = fs.readFileSync(0, "utf8");
const output = JSON.parse(solc.compile(input));
process.stdout.write(JSON.stringify({ version: solc.version(), output }));
