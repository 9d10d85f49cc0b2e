package io.greentwin.cli;

/**
 * Readings counted over a window, the CPU spent meanwhile, and the twin store's committed events
 * and commits (zero without a store): events per commit say how well group commit batched.
 */
record IngestRate(
    long readings,
    double seconds,
    long cpuNanos,
    long taskCpuNanos,
    long storeEvents,
    long storeCommits) {
  double perSecond() {
    return readings / seconds;
  }

  double cpuMicrosPerReading() {
    return cpuNanos / 1e3 / Math.max(1, readings);
  }

  /** The same for the job's task threads alone: no GC, JIT or other threads of the JVM. */
  double taskCpuMicrosPerReading() {
    return taskCpuNanos / 1e3 / Math.max(1, readings);
  }

  double coresBusy() {
    return cpuNanos / 1e9 / seconds;
  }
}
