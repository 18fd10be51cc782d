// Reference for the ceremony's building blocks: ffjavascript's ChaCha and fromRng, and snarkjs
// 0.7's keypair.js / powersoftau_utils.js (loaded from interop/node_modules by file path, since the
// package exports only its main entry). Run with interop/ as the working directory. One request
// per line on standard input, one answer line each; points are given and returned in the .ptau
// layout (affine, little-endian Montgomery coordinates) as hex, seeds as 8 comma-separated u32.
//   chacha <seed> <n>              -> n words of ChaCha(seed), hex, comma-separated
//   fr <seed>                      -> three Fr.fromRng (raw bytes, i.e. the Montgomery form), hex
//   g1 <seed> | g2 <seed>          -> G1/G2.fromRng, affine
//   hashtog2 <hash hex>            -> keypair.hashToG2(hash), affine
//   ptaukey <challenge hex> <seed> -> the three secrets (raw hex) and the public key (hex), space-separated
//   beaconkey <challenge hex> <beacon hex> <exp> -> the public key derived from a beacon
//   encode <G1|G2> <points hex>    -> "<uncompressed hex> <compressed hex>" (batchLEMtoU, batchLEMtoC)
//   pubkeyu <public key hex>       -> the public key uncompressed (toPtauPubKeyRpr, montgomery false)
//   firsthash <power>              -> calculateFirstChallengeHash(power)
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(path.join(process.cwd(), "package.json"));
const ff = require("ffjavascript");
const src = (f) => pathToFileURL(path.join(process.cwd(), "node_modules/snarkjs/src", f)).href;
const keyPair = await import(src("keypair.js"));
const utils = await import(src("powersoftau_utils.js"));

const curve = await ff.buildBn128(true);
const hex = (b) => Buffer.from(b).toString("hex");
const bytes = (h) => Uint8Array.from(Buffer.from(h, "hex"));
const seed = (s) => s.split(",").map((w) => parseInt(w, 16) >>> 0);

const out = [];
for (const line of fs.readFileSync(0, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const p = line.trim().split(/\s+/);
  switch (p[0]) {
    case "chacha": {
      const rng = new ff.ChaCha(seed(p[1]));
      const words = [];
      for (let i = 0; i < Number(p[2]); i++) words.push(rng.nextU32().toString(16));
      out.push(words.join(","));
      break;
    }
    case "fr": {
      const rng = new ff.ChaCha(seed(p[1]));
      out.push([0, 1, 2].map(() => hex(curve.Fr.fromRng(rng))).join(" "));
      break;
    }
    case "g1":
    case "g2": {
      const G = p[0] === "g1" ? curve.G1 : curve.G2;
      out.push(hex(G.toAffine(G.fromRng(new ff.ChaCha(seed(p[1]))))));
      break;
    }
    case "hashtog2":
      out.push(hex(curve.G2.toAffine(keyPair.hashToG2(curve, bytes(p[1])))));
      break;
    case "ptaukey": {
      const key = keyPair.createPTauKey(curve, bytes(p[1]), new ff.ChaCha(seed(p[2])));
      const pub = new Uint8Array(6 * 64 + 3 * 128);
      utils.toPtauPubKeyRpr(pub, 0, curve, key, true);
      out.push([key.tau.prvKey, key.alpha.prvKey, key.beta.prvKey].map(hex).join(" ") + " " + hex(pub));
      break;
    }
    case "beaconkey": {
      const key = await utils.keyFromBeacon(curve, bytes(p[1]), bytes(p[2]), Number(p[3]));
      const pub = new Uint8Array(6 * 64 + 3 * 128);
      utils.toPtauPubKeyRpr(pub, 0, curve, key, true);
      out.push(hex(pub));
      break;
    }
    case "encode": {
      const G = p[1] === "G1" ? curve.G1 : curve.G2;
      const pts = bytes(p[2]);
      out.push(hex(await G.batchLEMtoU(pts)) + " " + hex(await G.batchLEMtoC(pts)));
      break;
    }
    case "pubkeyu": {
      const key = utils.fromPtauPubKeyRpr(bytes(p[1]), 0, curve, true);
      const pub = new Uint8Array(6 * 64 + 3 * 128);
      utils.toPtauPubKeyRpr(pub, 0, curve, key, false);
      out.push(hex(pub));
      break;
    }
    case "firsthash":
      out.push(hex(utils.calculateFirstChallengeHash(curve, Number(p[1]))));
      break;
    default:
      throw new Error("unknown request: " + line);
  }
}
await curve.terminate();
process.stdout.write(out.join("\n") + "\n");
