// Computes a multi-scalar multiplication with ffjavascript (the library under snarkjs), as the
// independent reference for MsmPeerTest. Reads JSON from stdin:
//   {"group": "g1" | "g2", "points": [point | null, ...], "scalars": ["decimal", ...]}
// where a G1 point is ["x", "y"] and a G2 point [["x.c0", "x.c1"], ["y.c0", "y.c1"]], null is
// infinity; prints the affine sum in the same notation (null for infinity).
const { buildBn128 } = require("ffjavascript");

(async () => {
  const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const bn128 = await buildBn128(true);
  const G = input.group === "g1" ? bn128.G1 : bn128.G2;
  const n = input.scalars.length;
  const size = G.F.n8 * 2;
  const bases = new Uint8Array(n * size);
  const scalars = new Uint8Array(n * 32);
  const big = (c) => (Array.isArray(c) ? c.map(BigInt) : BigInt(c));
  for (let i = 0; i < n; i++) {
    const p = input.points[i];
    G.toRprLEM(bases, i * size, p === null ? G.zeroAffine : G.fromObject(p.map(big)));
    bn128.Fr.toRprLE(scalars, 32 * i, bn128.Fr.e(input.scalars[i]));
  }
  const sum = G.toAffine(await G.multiExpAffine(bases, scalars));
  const obj = G.toObject(sum);
  const out = G.isZero(sum) ? null : [obj[0], obj[1]];
  console.log(JSON.stringify(out, (k, v) => (typeof v === "bigint" ? v.toString() : v)));
  await bn128.terminate();
})();
