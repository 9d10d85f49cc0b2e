package io.greentwin.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values computed once per key and remembered, for the hot paths that see the same few thousand
 * keys over and over (parsed paths, thing ids, policy decisions, filter shapes). Bounded the
 * simplest way: when it holds {@code max} entries it forgets them all and fills again, which costs
 * one recomputation per key in use and needs no bookkeeping per access. Thread-safe; a value may be
 * computed twice by two threads at once, so computations must be pure.
 *
 * @param <K> the key
 * @param <V> the value (not null)
 */
public final class BoundedMemo<K, V> {
  private final int max;
  private final Map<K, V> values = new ConcurrentHashMap<>();

  public BoundedMemo(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("a memo holds at least one entry: " + max);
    }
    this.max = max;
  }

  /** The value of {@code key}, computed and remembered when absent (an exception: nothing kept). */
  public V get(K key, Function<? super K, ? extends V> compute) {
    V v = values.get(key);
    if (v == null) {
      v = compute.apply(key);
      if (values.size() >= max) {
        values.clear();
      }
      values.put(key, v);
    }
    return v;
  }

  /** The value remembered for {@code key}, or null; computes nothing. */
  public V peek(K key) {
    return values.get(key);
  }
}
