// Makes a tiny Groth16 fixture with snarkjs (the peer), for the tests of zkml4j's Solidity
// verifier (here, and on anvil in the api module's chain tests): a hand-written R1CS, a power-4 ceremony, a zkey with one phase-2 contribution, and
// proofs for hand-computed witnesses.
//
// Usage: node verifier-fixture.mjs OUT_DIR   (working directory: interop/)
//
// The circuit has 7 wires: 1, out (public output), x, y (public inputs), a, b, t (private), and
// two constraints: a * b = out and (a + x) * y = t. Writes to OUT_DIR: circuit.r1cs, final.zkey,
// verification_key.json, snarkjs_verifier.sol (snarkjs's `zkey export solidityverifier`), and for
// each witness i: proof_i.json, public_i.json, calldata_i.txt (the stdout of snarkjs's `zkey export
// soliditycalldata`). Prints the number of proofs.
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const snarkjs = require("snarkjs");
const r1csfile = require("r1csfile");
const cli = path.join(process.cwd(), "node_modules", "snarkjs", "build", "cli.cjs");

const out = path.resolve(process.argv[2]);
fs.mkdirSync(out, { recursive: true });
const file = (name) => path.join(out, name);

const curve = await snarkjs.curves.getCurveFromName("bn128");
const F = curve.Fr;
const r = curve.r;
const mod = (v) => ((v % r) + r) % r;

// Witnesses: [1, out, x, y, a, b, t]. The second has public signals 0, 1, 2 (the small cases).
function witness(a, b, x, y) {
  return [1n, mod(a * b), mod(x), mod(y), mod(a), mod(b), mod((a + x) * y)];
}
const witnesses = [
  witness(3n, 11n, (1n << 200n) + 12345n, 7n ** 80n),
  witness(0n, 5n, 1n, 2n),
  witness(r - 2n, r - 3n, r - 1n, (1n << 253n) + 1n),
];

const one = F.e(1);
await r1csfile.writeR1cs(file("circuit.r1cs"), {
  n8: 32,
  prime: r,
  curve,
  F,
  nVars: 7,
  nOutputs: 1,
  nPubInputs: 2,
  nPrvInputs: 2,
  nLabels: 7,
  constraints: [
    [{ 4: one }, { 5: one }, { 1: one }],
    [{ 4: one, 2: one }, { 3: one }, { 6: one }],
  ],
  map: [0, 1, 2, 3, 4, 5, 6],
});

const quiet = { debug() {}, info() {}, warn() {}, error: console.error };
await snarkjs.powersOfTau.newAccumulator(curve, 4, file("pot_0.ptau"), quiet);
await snarkjs.powersOfTau.contribute(file("pot_0.ptau"), file("pot_1.ptau"), "first", "zkml4j evm test entropy 1", quiet);
await snarkjs.powersOfTau.preparePhase2(file("pot_1.ptau"), file("pot_final.ptau"), quiet);
await snarkjs.zKey.newZKey(file("circuit.r1cs"), file("pot_final.ptau"), file("circuit_0.zkey"), quiet);
await snarkjs.zKey.contribute(file("circuit_0.zkey"), file("final.zkey"), "first", "zkml4j evm test entropy 2", quiet);
const vkey = await snarkjs.zKey.exportVerificationKey(file("final.zkey"), quiet);
fs.writeFileSync(file("verification_key.json"), JSON.stringify(vkey, null, 1));
execFileSync(process.execPath, [cli, "zkey", "export", "solidityverifier", file("final.zkey"), file("snarkjs_verifier.sol")]);

// A .wtns file: container "wtns" version 2; section 1 = n8, prime, count; section 2 = values.
function wtnsBytes(values) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(32, 0);
  writeLe(header, 4, r);
  header.writeUInt32LE(values.length, 36);
  const body = Buffer.alloc(32 * values.length);
  values.forEach((v, i) => writeLe(body, 32 * i, v));
  const start = Buffer.alloc(12);
  start.write("wtns", 0, "latin1");
  start.writeUInt32LE(2, 4);
  start.writeUInt32LE(2, 8);
  return Buffer.concat([start, section(1, header), section(2, body)]);
}
function section(type, body) {
  const head = Buffer.alloc(12);
  head.writeUInt32LE(type, 0);
  head.writeBigUInt64LE(BigInt(body.length), 4);
  return Buffer.concat([head, body]);
}
function writeLe(buf, offset, v) {
  for (let i = 0; i < 32; i++) {
    buf[offset + i] = Number((v >> BigInt(8 * i)) & 0xffn);
  }
}

for (let i = 0; i < witnesses.length; i++) {
  fs.writeFileSync(file(`witness_${i}.wtns`), wtnsBytes(witnesses[i]));
  const { proof, publicSignals } = await snarkjs.groth16.prove(file("final.zkey"), file(`witness_${i}.wtns`), quiet);
  if (!(await snarkjs.groth16.verify(vkey, publicSignals, proof, quiet))) {
    throw new Error(`snarkjs rejects its own proof ${i}`);
  }
  fs.writeFileSync(file(`proof_${i}.json`), JSON.stringify(proof, null, 1));
  fs.writeFileSync(file(`public_${i}.json`), JSON.stringify(publicSignals, null, 1));
  const calldata = execFileSync(process.execPath,
      [cli, "zkey", "export", "soliditycalldata", file(`public_${i}.json`), file(`proof_${i}.json`)]);
  fs.writeFileSync(file(`calldata_${i}.txt`), calldata);
}
console.log(witnesses.length);
await curve.terminate();
process.exit(0);
