package io.greentwin.jobs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.jobs.source.RawReading;
import io.greentwin.jobs.source.SimulatedTick;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * Every type on the sync job's streams and in its state is serialized by Flink's POJO (record)
 * serializer, never by Kryo: it round-trips with generic types disabled, as the job runs.
 */
class PojoSerializationTest {
  static final List<Object> SAMPLES =
      List.of(
          new RawReading("{\"thingId\":\"a:b\"}", "simulator", 17),
          new Reading("a:b", "coolant", "supplyTempC", 45.5, "Cel", Instant.ofEpochMilli(5), 3),
          new DeadLetter("garbage", "malformed: not JSON", "mqtt:x", 9),
          new TwinPatch("a:b", "/", "{\"features\":{}}", false, 11),
          sensorTable(),
          new SimulatedTick(4, new String[] {"x", "y"}, 12));

  private static SensorTable sensorTable() {
    SensorTable t =
        SensorTable.of(SensorLayout.of(io.greentwin.campus.AssetKind.PUMP.points().subList(0, 2)));
    t.see(1, 70);
    t.offer(1, 45.5, 5, 70);
    t.flushAtMs = 1000;
    return t;
  }

  @Test
  void everyStreamAndStateTypeRoundTripsThroughThePojoSerializer() throws Exception {
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false);
    for (Object sample : SAMPLES) {
      TypeInformation<Object> info = typeOf(sample);
      assertThat(info).as(sample.getClass().getName()).isInstanceOf(PojoTypeInfo.class);
      TypeSerializer<Object> serializer = info.createSerializer(config);
      DataOutputSerializer out = new DataOutputSerializer(256);
      serializer.serialize(sample, out);
      Object back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
      assertThat(back).usingRecursiveComparison().isEqualTo(sample);
    }
  }

  @SuppressWarnings("unchecked")
  private static TypeInformation<Object> typeOf(Object sample) {
    return (TypeInformation<Object>) TypeInformation.of(sample.getClass());
  }
}
