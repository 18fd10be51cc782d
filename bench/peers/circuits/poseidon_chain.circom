pragma circom 2.0.0;

// A Poseidon-heavy benchmark circuit for scripts/bench-groth16: a chain of n two-input Poseidon
// hashes (circomlib's, about 240 constraints each), h_0 = seed, h_(i+1) = Poseidon(h_i, key[i % 8]),
// out = h_n. The seed is public, the keys private. The main component (with n) is written by the
// benchmark next to its build, e.g. `component main {public [seed]} = PoseidonChain(1000);`.
include "circomlib/circuits/poseidon.circom";

template PoseidonChain(n) {
    signal input seed;
    signal input key[8];
    signal output out;

    component hash[n];
    signal h[n + 1];
    h[0] <== seed;
    for (var i = 0; i < n; i++) {
        hash[i] = Poseidon(2);
        hash[i].inputs[0] <== h[i];
        hash[i].inputs[1] <== key[i % 8];
        h[i + 1] <== hash[i].out;
    }
    out <== h[n];
}
