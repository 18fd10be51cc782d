pragma circom 2.0.0;

// out = a * b * c through one internal signal; a is public.
template Multiplier3() {
  signal input a;
  signal input b;
  signal input c;
  signal output out;
  signal ab;
  ab <== a * b;
  out <== ab * c;
}

component main {public [a]} = Multiplier3();
