package io.greentwin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM with SIGKILL while it writes to the H2 store, then reopens the store:
 * every write the child saw acknowledged is there, at its revision, with its value.
 */
class StoreCrashRecoveryIT {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StoreLoadChild.class.getName(),
                dir.toString()));
    Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Map<ThingId, long[]> acked = new HashMap<>();
    Map<String, Double> values = new HashMap<>();
    int acks = 0;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((line = in.readLine()) != null && System.nanoTime() < deadline) {
        if (line.startsWith("ACK ")) {
          String[] f = line.split(" ");
          ThingId id = ThingId.of(f[1]);
          long rev = Long.parseLong(f[2]);
          acked.merge(id, new long[] {rev}, (a, b) -> a[0] >= b[0] ? a : b);
          values.put(f[1] + "@" + rev, Double.parseDouble(f[3]));
          if (++acks == 20_000) {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
            break;
          }
        }
      }
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);
    assertThat(acks).isGreaterThanOrEqualTo(20_000);

    JournalTwinService store = JournalTwinService.open(TwinDatabase.h2(dir), Clock.systemUTC(), 16);
    try {
      JsonPointer p = JsonPointer.of("/features/power/properties/powerKw");
      for (var e : acked.entrySet()) {
        long recovered = store.get(e.getKey()).orElseThrow().getRevision().orElseThrow().toLong();
        assertThat(recovered).as(e.getKey().toString()).isGreaterThanOrEqualTo(e.getValue()[0]);
      }
      int checked = 0;
      for (var v : values.entrySet()) {
        if (checked++ % 97 != 0) {
          continue; // a spread sample of every acknowledged write
        }
        String[] k = v.getKey().split("@");
        var at = store.getAtRevision(ThingId.of(k[0]), Long.parseLong(k[1])).orElseThrow();
        assertThat(at.toJson().getValue(p)).contains(JsonValue.of(v.getValue()));
      }
    } finally {
      store.close();
    }
  }
}
