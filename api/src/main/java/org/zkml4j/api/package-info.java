/**
 * The Java facade of zkml4j: a model from ONNX to verified proof in a few lines.
 *
 * <pre>{@code
 * ZkModel model = ZkModel.load(Path.of("models/mnist/lenet.onnx"))
 *     .calibrate(Path.of("models/mnist/calibration.json"))
 *     .compile(Visibility.defaults());
 * Keys keys = model.setup(SetupOptions.local());
 * ProofBundle proof = model.prove(keys, model.readInput(Path.of("models/mnist/digit-7.png")));
 * boolean ok = model.verify(keys.verifyingKey(), proof);
 * }</pre>
 *
 * <ul>
 *   <li>{@link org.zkml4j.api.ZkModelBuilder} ({@link org.zkml4j.api.ZkModel#load}): import,
 *       calibration samples, quantization settings; {@code compile(Visibility)} makes the
 *       {@link org.zkml4j.api.ZkModel}.
 *   <li>{@link org.zkml4j.api.ZkModel}: the circuit and the quantized graph; setup, witness, prove,
 *       verify; save to and open from a model directory.
 *   <li>{@link org.zkml4j.api.SetupOptions} and {@link org.zkml4j.api.Keys}: where the powers of tau
 *       come from, and the resulting snarkjs-compatible keys.
 *   <li>{@link org.zkml4j.api.ModelInput}, {@link org.zkml4j.api.ModelWitness},
 *       {@link org.zkml4j.api.ProofBundle}, {@link org.zkml4j.api.Verdict}: the values passed
 *       along the way.
 * </ul>
 *
 * Beside the facade, {@link org.zkml4j.api.chain} deploys a key's Solidity verifier on an EVM and
 * checks proofs there, and {@link org.zkml4j.api.tools} finds and runs the project's pinned npm
 * tools (snarkjs, solc, anvil) that such checks need.
 *
 * <p>The pieces underneath stay reachable for those who need them: {@code ZkModel.compiled()} is
 * the model module's {@code CompiledModel}, {@code Keys.provingKey()} the groth16 module's.
 */
package org.zkml4j.api;
