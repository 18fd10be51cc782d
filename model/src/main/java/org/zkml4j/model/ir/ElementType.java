package org.zkml4j.model.ir;

/**
 * The element types a {@link Tensor} holds. Activations and weights are {@code FLOAT}; {@code INT64}
 * carries shapes, indices and {@code ArgMax} results. Narrower integer constants of a model are
 * widened to {@code INT64} on import, and {@code DOUBLE} or half-precision constants are rounded
 * to {@code FLOAT}.
 */
public enum ElementType {
  FLOAT,
  INT64
}
