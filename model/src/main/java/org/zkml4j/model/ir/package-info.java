/**
 * The model's graph as zkml4j sees it after import: an immutable {@link org.zkml4j.model.ir.Graph}
 * of {@link org.zkml4j.model.ir.Node}s, each applying a normalized {@link org.zkml4j.model.ir.Op}
 * to named values with static {@link org.zkml4j.model.ir.Shape}s; constants are
 * {@link org.zkml4j.model.ir.Tensor}s (flat float or int64 arrays).
 *
 * <p>{@link org.zkml4j.model.ir.GraphBuilder} checks every node, infers shapes, folds constant
 * subgraphs and BatchNormalization; {@link org.zkml4j.model.ir.ReferenceEvaluator} runs the graph
 * in float32 and is the oracle that quantization fidelity is measured against;
 * {@link org.zkml4j.model.ir.GraphSummary} prints it. The ops keep layer structure (a Conv stays one
 * node with its weight tensor), which the quantized graph and every proof backend build on.
 */
package org.zkml4j.model.ir;
