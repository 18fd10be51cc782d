// Runs ffjavascript's Fr transforms (the code snarkjs's Groth16 prover uses) on given vectors, so the
// Java NTT can be compared with it value for value.
//
// Usage: node ffjavascript-fft.cjs <interop folder> < input
// Input:  for each vector a line "vector <log2 size>", then its n elements as decimals, one per line.
// Output: "root <k> <w_k>" for every k up to Fr.s, then "shift <Fr.shift>", then for each vector
//         three blocks, each a header line followed by n decimals:
//           "fft"  Fr.fft of the vector,
//           "ifft" Fr.ifft of the vector,
//           "odd"  snarkjs's move to the odd roots: ifft, batchApplyKey(1, inc), fft, with
//                  inc = w_{k+1} (or Fr.shift when k = Fr.s), as in groth16_prove.js.
"use strict";
const path = require("path");
const { createRequire } = require("module");

async function main() {
  const interop = path.resolve(process.argv[2]);
  const { buildBn128 } = createRequire(path.join(interop, "package.json"))("ffjavascript");
  const lines = require("fs").readFileSync(0, "utf8").split("\n").filter((l) => l.length > 0);

  const curve = await buildBn128(true);
  const Fr = curve.Fr;
  const out = [];
  for (let k = 0; k <= Fr.s; k++) out.push(`root ${k} ${Fr.toString(Fr.w[k])}`);
  out.push(`shift ${Fr.toString(Fr.shift)}`);

  const emit = (tag, buff, n) => {
    out.push(tag);
    for (let i = 0; i < n; i++) out.push(Fr.toString(buff.slice(i * Fr.n8, (i + 1) * Fr.n8)));
  };

  let at = 0;
  while (at < lines.length) {
    const [word, bits] = lines[at++].split(" ");
    if (word !== "vector") throw new Error(`expected "vector <log2 size>", got: ${lines[at - 1]}`);
    const k = Number(bits);
    const n = 1 << k;
    const buff = new Uint8Array(n * Fr.n8);
    for (let i = 0; i < n; i++) buff.set(Fr.e(lines[at++]), i * Fr.n8);

    emit("fft", await Fr.fft(buff), n);
    emit("ifft", await Fr.ifft(buff), n);
    const inc = k === Fr.s ? Fr.shift : Fr.w[k + 1];
    const coeffs = await Fr.ifft(buff);
    const shifted = await Fr.batchApplyKey(coeffs, Fr.e(1), inc);
    emit("odd", await Fr.fft(shifted), n);
  }
  process.stdout.write(out.join("\n") + "\n");
  await curve.terminate();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
