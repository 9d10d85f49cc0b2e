package io.greentwin.store;

import io.greentwin.twin.TwinWrite;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * A child JVM that loads the store without end and prints every acknowledged write as {@code ACK
 * thingId revision value}; {@link StoreCrashRecoveryIT} kills it with SIGKILL mid-load.
 */
public final class StoreLoadChild {
  public static final int THINGS = 50;
  private static final JsonObject POWER_FEATURE =
      JsonObject.of("{\"features\":{\"power\":{\"properties\":{}}}}");

  private StoreLoadChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, false, "UTF-8");
    JournalTwinService store =
        JournalTwinService.open(TwinDatabase.h2(Path.of(args[0])), Clock.systemUTC(), 16);
    JsonPointer p = JsonPointer.of("/features/power/properties/powerKw");
    for (int t = 0; t < THINGS; t++) {
      store.write(TwinWrite.put(id(t), JsonPointer.empty(), POWER_FEATURE, "child")).join();
    }
    out.println("READY");
    out.flush();
    Semaphore inFlight = new Semaphore(2_000);
    for (long i = 0; ; i++) {
      ThingId id = id((int) (i % THINGS));
      double value = i;
      inFlight.acquire();
      store
          .write(TwinWrite.put(id, p, JsonValue.of(value), "child"))
          .whenComplete(
              (r, e) -> {
                if (e == null) {
                  synchronized (out) {
                    out.println("ACK " + id + " " + r.event().revision() + " " + value);
                  }
                }
                inFlight.release();
              });
      if (i % 1_000 == 0) {
        synchronized (out) {
          out.flush();
        }
      }
    }
  }

  static ThingId id(int t) {
    return ThingId.of("greentwin.crash:thing-" + t);
  }
}
