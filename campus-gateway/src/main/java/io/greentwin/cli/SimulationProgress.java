package io.greentwin.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr, shown only when a person watches a terminal and the data goes elsewhere
 * (a file, a broker): never in piped output.
 */
final class SimulationProgress implements AutoCloseable {
  private final ProgressBar bar;

  private SimulationProgress(ProgressBar bar) {
    this.bar = bar;
  }

  static SimulationProgress create(CliContext context, boolean dataElsewhere, long ticks) {
    if (!context.interactive() || !dataElsewhere) {
      return new SimulationProgress(null);
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("simulate")
            .setInitialMax(ticks)
            .setUnit(" ticks", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
    return new SimulationProgress(bar);
  }

  void step() {
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
