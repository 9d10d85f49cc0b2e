package io.greentwin.cli;

import io.greentwin.auth.Credentials;
import io.greentwin.auth.GatewayAuth;
import io.greentwin.auth.PolicyJournal;
import io.greentwin.auth.PolicyStore;
import io.greentwin.campus.Campus;
import io.greentwin.gateway.GatewayConfig;
import io.greentwin.gateway.GatewayVerticle;
import io.greentwin.jobs.timeseries.TimeSeriesConfig;
import io.greentwin.store.JournalTwinService;
import io.greentwin.store.TimeSeriesStore;
import io.greentwin.store.TwinDatabase;
import io.greentwin.twin.CampusSync;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The twin service of {@code greentwin run} for the ingest benchmark: the durable H2 twin store and
 * time-series store in {@code dataDir}, the campus's twins, and the secured gateway (demo users) on
 * a free loopback port — composed as {@link RunCommand} composes them.
 */
final class IngestStack implements AutoCloseable {
  final JournalTwinService twins;
  final TimeSeriesConfig timeSeries;
  final String endpoint;
  private final TimeSeriesStore store;
  private final Vertx vertx;

  IngestStack(Campus campus, Path dataDir, Clock clock) {
    TwinDatabase db = TwinDatabase.h2(dataDir);
    twins = JournalTwinService.open(db, clock, 100);
    timeSeries = TimeSeriesConfig.h2(dataDir);
    store = TimeSeriesStore.open(timeSeries);
    CampusSync.sync(twins, campus);
    vertx = Vertx.vertx();
    Credentials credentials = Credentials.forBind("127.0.0.1", (Path) null);
    PolicyStore policies =
        PolicyStore.durable(clock, new PolicyJournal(db.dataSource()), List.of(campus.namespace()));
    GatewayAuth auth = GatewayAuth.create(vertx, credentials, twins, policies, clock, k -> null);
    GatewayConfig config = new GatewayConfig("127.0.0.1", 0, GatewayConfig.DEFAULT_MAX_BODY_BYTES);
    GatewayVerticle gateway =
        new GatewayVerticle(
            config,
            GatewayApis.secured(twins, auth, campus.namespace(), config, clock, store.reader()));
    vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().join();
    endpoint = "ws://127.0.0.1:" + gateway.actualPort();
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
    twins.close();
    store.close();
  }
}
