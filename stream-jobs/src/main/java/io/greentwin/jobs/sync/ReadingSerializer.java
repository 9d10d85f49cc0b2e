package io.greentwin.jobs.sync;

import io.greentwin.sim.Reading;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The wire form of a {@link Reading} between the sync job's operators, written field by field: the
 * record serializer Flink would pick reads each field by reflection, writes a null flag per field
 * and builds the record through its constructor by reflection with boxed numbers, on every reading
 * and every network hop (two per reading). Readings are immutable, so a copy is the reading itself.
 * Never used for state.
 */
public final class ReadingSerializer extends TypeSerializerSingleton<Reading> {
  private static final long serialVersionUID = 1L;

  static final ReadingSerializer INSTANCE = new ReadingSerializer();

  /** The type of the sync job's reading streams, with this serializer. */
  public static final TypeInformation<Reading> TYPE = new Type();

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public Reading createInstance() {
    return null;
  }

  @Override
  public Reading copy(Reading from) {
    return from;
  }

  @Override
  public Reading copy(Reading from, Reading reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Reading r, DataOutputView out) throws IOException {
    StringValue.writeString(r.thingId(), out);
    StringValue.writeString(r.feature(), out);
    StringValue.writeString(r.property(), out);
    out.writeDouble(r.value());
    StringValue.writeString(r.unit(), out);
    out.writeLong(r.eventTime().getEpochSecond());
    out.writeInt(r.eventTime().getNano());
    out.writeLong(r.seq());
  }

  @Override
  public Reading deserialize(DataInputView in) throws IOException {
    String thingId = StringValue.readString(in);
    String feature = StringValue.readString(in);
    String property = StringValue.readString(in);
    double value = in.readDouble();
    String unit = StringValue.readString(in);
    Instant eventTime = Instant.ofEpochSecond(in.readLong(), in.readInt());
    return new Reading(thingId, feature, property, value, unit, eventTime, in.readLong());
  }

  @Override
  public Reading deserialize(Reading reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<Reading> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer; it has no configuration. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<Reading> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }

  /** A reading as one opaque field with {@link ReadingSerializer}. */
  private static final class Type extends TypeInformation<Reading> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
      return false;
    }

    @Override
    public boolean isTupleType() {
      return false;
    }

    @Override
    public int getArity() {
      return 1;
    }

    @Override
    public int getTotalFields() {
      return 1;
    }

    @Override
    public Class<Reading> getTypeClass() {
      return Reading.class;
    }

    @Override
    public boolean isKeyType() {
      return false;
    }

    @Override
    public TypeSerializer<Reading> createSerializer(SerializerConfig config) {
      return INSTANCE;
    }

    @Override
    public String toString() {
      return "Reading(ReadingSerializer)";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Type;
    }

    @Override
    public int hashCode() {
      return Type.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
      return o instanceof Type;
    }
  }
}
