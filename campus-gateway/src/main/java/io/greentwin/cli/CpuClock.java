package io.greentwin.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent since construction, by the whole process and by the store's own threads: unlike a
 * rate, CPU per operation barely moves when other processes share the cores, so a benchmark run on
 * a busy machine still says what an operation costs.
 */
final class CpuClock {
  private static final String STORE_THREADS = "greentwin-twin-";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final long processNanos = processNanos();
  private final Map<String, Long> threadNanos = storeThreadNanos();

  /** "CPU N µs per update (process), writer A µs, committer B µs" for {@code ops} operations. */
  String per(long ops) {
    double n = Math.max(1, ops);
    StringBuilder s =
        new StringBuilder(
            String.format(
                "CPU %.1f µs per update (process)", (processNanos() - processNanos) / 1e3 / n));
    storeThreadNanos()
        .forEach(
            (name, nanos) ->
                s.append(
                    String.format(
                        ", %s %.1f µs",
                        name.substring(STORE_THREADS.length()),
                        (nanos - threadNanos.getOrDefault(name, 0L)) / 1e3 / n)));
    return s.toString();
  }

  /** CPU time of the whole process so far. */
  static long processNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Bytes allocated so far by the threads alive now (a load-insensitive cost: unlike a time, it
   * does not grow when other processes hold the cores); compare two readings around work done by
   * threads that outlive it (the caller, the common pool).
   */
  static long allocatedBytes() {
    com.sun.management.ThreadMXBean t =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long bytes : t.getThreadAllocatedBytes(t.getAllThreadIds())) {
      sum += Math.max(0, bytes);
    }
    return sum;
  }

  private Map<String, Long> storeThreadNanos() {
    Map<String, Long> out = new HashMap<>();
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().startsWith(STORE_THREADS)) {
        out.merge(t.getThreadName(), threads.getThreadCpuTime(t.getThreadId()), Long::sum);
      }
    }
    return out;
  }
}
