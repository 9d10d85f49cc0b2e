package io.greentwin.jobs.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** Runs a bounded job on the shared test mini-cluster and collects two of its outputs. */
public final class FlinkRun {
  private FlinkRun() {}

  /** An environment with generic (Kryo) types disabled, as in production. */
  public static StreamExecutionEnvironment environment(int parallelism) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    return env;
  }

  /** What two streams of one job gave. */
  public record Both<A, B>(List<A> first, List<B> second) {}

  /** Executes the job and drains both streams concurrently until it ends. */
  public static <A, B> Both<A, B> collect(
      StreamExecutionEnvironment env, DataStream<A> first, DataStream<B> second) throws Exception {
    CloseableIterator<A> a = first.collectAsync();
    CloseableIterator<B> b = second.collectAsync();
    env.executeAsync("test");
    CompletableFuture<List<A>> as = CompletableFuture.supplyAsync(() -> drain(a));
    CompletableFuture<List<B>> bs = CompletableFuture.supplyAsync(() -> drain(b));
    return new Both<>(as.get(), bs.get());
  }

  private static <T> List<T> drain(CloseableIterator<T> it) {
    List<T> out = new ArrayList<>();
    try (it) {
      it.forEachRemaining(out::add);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
