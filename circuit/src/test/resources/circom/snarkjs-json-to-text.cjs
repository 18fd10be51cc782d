// Prints the JSON that `snarkjs r1cs export json` / `snarkjs wtns export json` write as plain
// text lines, so that the Java tests need no JSON parser:
//   r1cs: "header nVars nOutputs nPubInputs nPrvInputs nLabels nConstraints", "map l0 l1 ...",
//         then one "lc wire=coefficient ..." line per linear combination (A, B, C of each
//         constraint in turn);
//   wtns: one decimal value per line.
const fs = require("fs");
const [kind, file] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(file, "utf8"));
const lines = [];
if (kind === "r1cs") {
  lines.push(["header", data.nVars, data.nOutputs, data.nPubInputs, data.nPrvInputs, data.nLabels,
    data.nConstraints].join(" "));
  lines.push(["map", ...data.map].join(" "));
  for (const constraint of data.constraints) {
    for (const lc of constraint) {
      lines.push(["lc", ...Object.entries(lc).map(([wire, value]) => wire + "=" + value)].join(" "));
    }
  }
} else if (kind === "wtns") {
  lines.push(...data);
} else {
  throw new Error("usage: snarkjs-json-to-text.cjs r1cs|wtns <file.json>");
}
process.stdout.write(lines.join("\n") + "\n");
