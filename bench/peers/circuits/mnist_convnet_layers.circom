pragma circom 2.0.0;

// circomlib-ml's mnist_convnet (test/circuits/mnist_convnet_test.circom) without its ArgMax, and
// with its filter counts as parameters, for scripts/bench-mnist: Conv2D(3x3, f1) - Poly - SumPool 2x2
// - Conv2D(3x3, f2) - Poly - SumPool 2x2 - Flatten - Dense(10), built from circomlib-ml's own
// templates. MnistConvnetLayers(4, 8) is the original's network; (2, 4) the half-width one. The
// main component is written by the benchmark next to its build. As in the original, the image and
// the weights are private inputs and the ten dense outputs are public.
include "circomlib-ml/circuits/Conv2D.circom";
include "circomlib-ml/circuits/Dense.circom";
include "circomlib-ml/circuits/Poly.circom";
include "circomlib-ml/circuits/SumPooling2D.circom";
include "circomlib-ml/circuits/Flatten2D.circom";

template MnistConvnetLayers(f1, f2) {
    signal input in[28][28][1];
    signal input conv2d_1_weights[3][3][1][f1];
    signal input conv2d_1_bias[f1];
    signal input conv2d_2_weights[3][3][f1][f2];
    signal input conv2d_2_bias[f2];
    signal input dense_weights[25 * f2][10];
    signal input dense_bias[10];
    signal output dense_out[10];

    component conv1 = Conv2D(28, 28, 1, f1, 3, 1);
    component poly1[26][26][f1];
    component pool1 = SumPooling2D(26, 26, f1, 2, 2);
    component conv2 = Conv2D(13, 13, f1, f2, 3, 1);
    component poly2[11][11][f2];
    component pool2 = SumPooling2D(11, 11, f2, 2, 2);
    component flatten = Flatten2D(5, 5, f2);
    component dense = Dense(25 * f2, 10);

    for (var i = 0; i < 28; i++) {
        for (var j = 0; j < 28; j++) {
            conv1.in[i][j][0] <== in[i][j][0];
        }
    }
    for (var i = 0; i < 3; i++) {
        for (var j = 0; j < 3; j++) {
            for (var m = 0; m < f1; m++) {
                conv1.weights[i][j][0][m] <== conv2d_1_weights[i][j][0][m];
            }
        }
    }
    for (var m = 0; m < f1; m++) {
        conv1.bias[m] <== conv2d_1_bias[m];
    }
    for (var i = 0; i < 26; i++) {
        for (var j = 0; j < 26; j++) {
            for (var k = 0; k < f1; k++) {
                poly1[i][j][k] = Poly(10**6);
                poly1[i][j][k].in <== conv1.out[i][j][k];
                pool1.in[i][j][k] <== poly1[i][j][k].out;
            }
        }
    }
    for (var i = 0; i < 13; i++) {
        for (var j = 0; j < 13; j++) {
            for (var k = 0; k < f1; k++) {
                conv2.in[i][j][k] <== pool1.out[i][j][k];
            }
        }
    }
    for (var i = 0; i < 3; i++) {
        for (var j = 0; j < 3; j++) {
            for (var k = 0; k < f1; k++) {
                for (var m = 0; m < f2; m++) {
                    conv2.weights[i][j][k][m] <== conv2d_2_weights[i][j][k][m];
                }
            }
        }
    }
    for (var m = 0; m < f2; m++) {
        conv2.bias[m] <== conv2d_2_bias[m];
    }
    for (var i = 0; i < 11; i++) {
        for (var j = 0; j < 11; j++) {
            for (var k = 0; k < f2; k++) {
                poly2[i][j][k] = Poly(10**15);
                poly2[i][j][k].in <== conv2.out[i][j][k];
                pool2.in[i][j][k] <== poly2[i][j][k].out;
            }
        }
    }
    for (var i = 0; i < 5; i++) {
        for (var j = 0; j < 5; j++) {
            for (var k = 0; k < f2; k++) {
                flatten.in[i][j][k] <== pool2.out[i][j][k];
            }
        }
    }
    for (var i = 0; i < 25 * f2; i++) {
        dense.in[i] <== flatten.out[i];
        for (var j = 0; j < 10; j++) {
            dense.weights[i][j] <== dense_weights[i][j];
        }
    }
    for (var j = 0; j < 10; j++) {
        dense.bias[j] <== dense_bias[j];
    }
    for (var j = 0; j < 10; j++) {
        dense_out[j] <== dense.out[j];
    }
}
