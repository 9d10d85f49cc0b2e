package io.greentwin.jobs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.sim.Reading;
import java.time.Instant;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The sync job's wire form of a reading. */
class ReadingSerializerTest {
  @Test
  void aReadingRoundTripsWithItsExactInstantAndTheSnapshotRestoresTheSerializer() throws Exception {
    Reading r =
        new Reading(
            "greentwin.demo:rack-ä",
            "coolant",
            "supplyTempC",
            -45.125,
            "Cel",
            Instant.parse("2026-06-21T11:00:30.123456789Z"),
            Long.MAX_VALUE);
    DataOutputSerializer out = new DataOutputSerializer(64);
    ReadingSerializer.INSTANCE.serialize(r, out);
    ReadingSerializer.INSTANCE.serialize(r, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    assertThat(ReadingSerializer.INSTANCE.deserialize(in)).isEqualTo(r);
    assertThat(ReadingSerializer.INSTANCE.deserialize(null, in)).isEqualTo(r);

    TypeSerializerSnapshot<Reading> snapshot = ReadingSerializer.INSTANCE.snapshotConfiguration();
    assertThat(snapshot.restoreSerializer()).isSameAs(ReadingSerializer.INSTANCE);
    assertThat(ReadingSerializer.TYPE.createSerializer(null)).isSameAs(ReadingSerializer.INSTANCE);
  }
}
