// Reference for the BLAKE2b tests: node's OpenSSL blake2b512 and @noble/hashes's blake2b (the one
// snarkjs 0.7 hashes its ceremony transcripts with), from interop/node_modules (run with interop/
// as the working directory). One request per line on standard input:
//   "h <hex>"     -> "<node digest> <noble digest>" of the bytes (the hex may be empty)
//   "d <n> <hex>" -> noble's n-byte BLAKE2b digest of the bytes
//   "m <k> <hex>" -> noble's state after hashing the bytes in chunks of k bytes:
//                    "<h0..h7 as 16-hex-digit words, comma-separated> <bytes compressed> <pending hex>"
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.join(process.cwd(), "package.json"));
const { blake2b } = require("@noble/hashes/blake2b");

const word = (lo, hi) => ((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)).toString(16).padStart(16, "0");

const out = [];
for (const line of fs.readFileSync(0, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const parts = line.trim().split(/\s+/);
  if (parts[0] === "h") {
    const bytes = Uint8Array.from(Buffer.from(parts[1] || "", "hex"));
    const viaNode = crypto.createHash("blake2b512").update(bytes).digest("hex");
    const viaNoble = Buffer.from(blake2b(bytes, { dkLen: 64 })).toString("hex");
    out.push(viaNode + " " + viaNoble);
  } else if (parts[0] === "d") {
    const bytes = Uint8Array.from(Buffer.from(parts[2] || "", "hex"));
    out.push(Buffer.from(blake2b(bytes, { dkLen: Number(parts[1]) })).toString("hex"));
  } else if (parts[0] === "m") {
    const chunk = Number(parts[1]);
    const bytes = Uint8Array.from(Buffer.from(parts[2] || "", "hex"));
    const st = blake2b.create({ dkLen: 64 });
    for (let i = 0; i < bytes.length; i += chunk) st.update(bytes.subarray(i, Math.min(bytes.length, i + chunk)));
    const h = [];
    for (let i = 0; i < 8; i++) h.push(word(st["v" + i + "l"], st["v" + i + "h"]));
    const pending = Buffer.from(st.buffer.subarray(0, st.pos)).toString("hex");
    out.push(h.join(",") + " " + (st.length - st.pos) + " " + (pending || "-"));
  } else {
    throw new Error("unknown request: " + line);
  }
}
process.stdout.write(out.join("\n") + "\n");
