package org.zkml4j.model.quant;

/**
 * A graph that cannot be quantized: an operator or a form of one that has no integer version yet
 * (the message names the node and the op), or a value whose proven bound would exceed
 * {@link IntegerBounds#MAX_BITS} with the chosen settings (the message names the tensor and
 * suggests fewer bits).
 */
public sealed class QuantizationException extends Exception permits QuantizationContext.RescaleEarlier {
  private static final long serialVersionUID = 1L;

  public QuantizationException(String message) {
    super(message);
  }
}
