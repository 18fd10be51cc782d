package org.zkml4j.circuit.witness;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hints a {@link WitnessGenerator} may call, by {@link Hint#id()}. Immutable and passed
 * explicitly: nothing registers itself globally. A compiled circuit carries the registry of the
 * hints it was built with; {@link #with(Hint)} replaces one implementation, which is how tests run
 * a circuit against a malicious prover.
 */
public final class HintRegistry {
  private static final HintRegistry EMPTY = new HintRegistry(Map.of());

  private final Map<String, Hint> byId;

  private HintRegistry(Map<String, Hint> byId) {
    this.byId = byId;
  }

  public static HintRegistry empty() {
    return EMPTY;
  }

  /**
   * A registry of the given hints.
   *
   * @throws IllegalArgumentException if two different hints share an id
   */
  public static HintRegistry of(Hint... hints) {
    return of(List.of(hints));
  }

  /** As {@link #of(Hint...)}. */
  public static HintRegistry of(Collection<? extends Hint> hints) {
    Map<String, Hint> map = new LinkedHashMap<>();
    for (Hint h : hints) {
      Hint previous = map.putIfAbsent(h.id(), h);
      if (previous != null && previous != h) {
        throw new IllegalArgumentException("two hints share the id " + h.id() + ": " + previous + " and " + h);
      }
    }
    return new HintRegistry(Collections.unmodifiableMap(map));
  }

  /** A copy of this registry in which {@code hint} serves its id, replacing any previous hint. */
  public HintRegistry with(Hint hint) {
    Map<String, Hint> map = new LinkedHashMap<>(byId);
    map.put(hint.id(), hint);
    return new HintRegistry(Collections.unmodifiableMap(map));
  }

  /** The hint registered for an id. */
  public Optional<Hint> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every registered id, in registration order. */
  public Set<String> ids() {
    return byId.keySet();
  }

  /** Every registered hint, in registration order. */
  public Collection<Hint> hints() {
    return byId.values();
  }

  @Override
  public String toString() {
    return "HintRegistry" + byId.keySet();
  }
}
