package org.zkml4j.model.onnx;

import java.util.Arrays;

/** Growable primitive arrays for the repeated numeric fields of a protobuf message, which may come in many pieces. */
final class GrowableArrays {
  private GrowableArrays() {}

  static final class Longs {
    private long[] a = new long[4];
    private int n;

    void add(long v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  static final class Floats {
    private float[] a = new float[4];
    private int n;

    void add(float v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    float[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  static final class Doubles {
    private double[] a = new double[4];
    private int n;

    void add(double v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    double[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
