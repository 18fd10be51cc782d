package org.zkml4j.model.compile;

import java.util.List;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * Lowers one {@link QuantizedLayer} to constraints, inside the layer's scope. Each implementation
 * computes exactly its op's definition in {@link QuantizedOp} (the witness equals
 * {@code QuantizedGraph.evaluate()} value for value) and states its cost.
 */
interface LayerCompiler {
  /**
   * @param inputs the layer's operands in order (runtime tensors and parameters)
   * @param out the graph's description of the output (shape, scale, interval)
   */
  TensorVar compile(LayerContext ctx, QuantizedLayer layer, List<TensorVar> inputs, QuantizedTensor out);

  /** The compiler of an op. */
  static LayerCompiler of(QuantizedOp op) {
    return switch (op) {
      case QuantizedOp.Conv c -> new ConvCompiler();
      case QuantizedOp.Dense d -> new DenseCompiler();
      case QuantizedOp.ChannelAffine a -> new ElementwiseCompiler();
      case QuantizedOp.Add a -> new ElementwiseCompiler();
      case QuantizedOp.Mul m -> new ElementwiseCompiler();
      case QuantizedOp.Relu r -> new ReluCompiler();
      case QuantizedOp.LeakyRelu r -> new LeakyReluCompiler();
      case QuantizedOp.PRelu p -> new LeakyReluCompiler();
      case QuantizedOp.Clip c -> new ClipCompiler();
      case QuantizedOp.Sigmoid s -> new SigmoidCompiler();
      case QuantizedOp.MaxPool p -> new PoolCompiler();
      case QuantizedOp.AveragePool p -> new PoolCompiler();
      case QuantizedOp.ArgMax a -> new ArgMaxCompiler();
      case QuantizedOp.Softmax s -> new WiringCompiler();
      case QuantizedOp.Reshape r -> new WiringCompiler();
      case QuantizedOp.Transpose t -> new WiringCompiler();
      case QuantizedOp.Concat c -> new WiringCompiler();
      case QuantizedOp.Pad p -> new WiringCompiler();
      case QuantizedOp.Gather g -> new WiringCompiler();
    };
  }
}
