pragma circom 2.0.0;

include "circomlib/circuits/poseidon.circom";
include "circomlib/circuits/comparators.circom";
include "circomlib/circuits/bitify.circom";

// Proves knowledge of a preimage (x, salt) of a public Poseidon hash, with x below a public bound.
template PoseidonRange(n) {
  signal input x;
  signal input salt;
  signal input bound;
  signal output hash;
  component xBits = Num2Bits(n);
  xBits.in <== x;
  component boundBits = Num2Bits(n);
  boundBits.in <== bound;
  component less = LessThan(n);
  less.in[0] <== x;
  less.in[1] <== bound;
  less.out === 1;
  component h = Poseidon(2);
  h.inputs[0] <== x;
  h.inputs[1] <== salt;
  hash <== h.out;
}

component main {public [bound]} = PoseidonRange(64);
