/**
 * Compiling a {@link org.zkml4j.model.quant.QuantizedGraph} to a circuit (an R1CS with its witness
 * generator) that proves the graph's exact integer semantics.
 *
 * <p>{@link org.zkml4j.model.compile.ModelCompiler} lowers each layer in its own scope with one
 * {@code LayerCompiler} per op, under a {@link org.zkml4j.model.compile.Visibility} (inputs public,
 * private or hashed; weights fixed, private or hashed; outputs public, private or hashed).
 * {@link org.zkml4j.model.compile.CompiledModel} holds the circuit and documents its signals and
 * witness generation from float or integer inputs; {@link org.zkml4j.model.compile.TensorCommitment}
 * states how a hashed tensor is committed (Poseidon, as circomlibjs computes it);
 * {@link org.zkml4j.model.compile.ModelInspector} reports shapes, scales, bit bounds and constraint
 * counts per layer.
 *
 * <p>Cheap circuits come from the quantized graph's tight bounds and rescale placement: linear
 * layers with fixed weights are free linear combinations, also over wide tensors, so an x^2 network
 * whose rescales are deferred costs one constraint per square; a ReLU after a rescale reuses the
 * rescale's sign bit (one constraint); pooling divisors that are powers of two are folded into
 * scales; every nonlinear gadget costs about one constraint per bit of its operand's bound.
 */
package org.zkml4j.model.compile;
