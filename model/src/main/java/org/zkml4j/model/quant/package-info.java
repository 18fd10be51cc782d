/**
 * Calibration and quantization: from a float {@link org.zkml4j.model.ir.Graph} and sample inputs to
 * a {@link org.zkml4j.model.quant.QuantizedGraph}, the network in exact integer arithmetic that
 * every proof backend lowers (DESIGN §2, §5).
 *
 * <p>{@link org.zkml4j.model.quant.Calibration} records the float ranges;
 * {@link org.zkml4j.model.quant.Quantizer} chooses per-tensor power-of-two scales
 * ({@link org.zkml4j.model.quant.QuantizationOptions}: favour ACCURACY or SIZE), quantizes weights
 * into {@link org.zkml4j.model.quant.Parameter}s, places rescales (deferring them across polynomial
 * ops, which leaves wide tensors: {@link org.zkml4j.model.quant.IntegerBounds}), and proves each
 * tensor's interval
 * ({@link org.zkml4j.model.quant.QuantizedTensor}) from the inputs' declared bounds, the integer
 * weights and the ops, exactly at any width. {@link org.zkml4j.model.quant.QuantizedGraph#evaluate} runs the integer
 * semantics that {@link org.zkml4j.model.quant.QuantizedOp} defines, with every division by
 * {@link org.zkml4j.circuit.gadget.fixedpoint.FixedPoint}'s rounding rule;
 * {@link org.zkml4j.model.quant.Indexing} states which elements each op reads; and
 * {@link org.zkml4j.model.quant.FidelityReport} measures the integer model against the float one.
 */
package org.zkml4j.model.quant;
