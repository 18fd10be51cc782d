pragma circom 2.0.0;

include "circomlib/circuits/bitify.circom";

// y = x^3 + a*x + 5 for a public a, with x range-checked to 8 bits: a few dozen constraints with
// coefficients 1, -1, powers of two and constants, and two public signals (y and a).
template RangeCubic() {
  signal input x;
  signal input a;
  signal output y;
  component bits = Num2Bits(8);
  bits.in <== x;
  signal x2 <== x * x;
  signal x3 <== x2 * x;
  signal ax <== a * x;
  y <== x3 + ax + 5;
}

component main {public [a]} = RangeCubic();
