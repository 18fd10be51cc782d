pragma circom 2.0.0;

include "circomlib/circuits/bitify.circom";
include "circomlib/circuits/comparators.circom";

// lt = (x < y) for n-bit x and y. Both operands are range checked with Num2Bits first: LessThan
// alone is unsound for operands wider than n bits.
template BoundedLessThan(n) {
  signal input x;
  signal input y;
  signal output lt;
  component xBits = Num2Bits(n);
  xBits.in <== x;
  component yBits = Num2Bits(n);
  yBits.in <== y;
  component less = LessThan(n);
  less.in[0] <== x;
  less.in[1] <== y;
  lt <== less.out;
}

component main {public [y]} = BoundedLessThan(8);
