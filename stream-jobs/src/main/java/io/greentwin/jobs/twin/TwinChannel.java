package io.greentwin.jobs.twin;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one twin patch and completes when the twin service has acknowledged it: normally, or
 * exceptionally with {@link TwinRejectedException} when it refused the patch for good (4xx), or
 * with any other exception for a failure worth retrying.
 */
interface TwinChannel extends AutoCloseable {
  CompletableFuture<Void> send(TwinPatch patch);

  @Override
  void close();
}
