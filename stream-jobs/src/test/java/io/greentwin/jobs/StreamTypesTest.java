package io.greentwin.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.jobs.incident.Baseline;
import io.greentwin.jobs.incident.Condition;
import io.greentwin.jobs.incident.Debounce;
import io.greentwin.jobs.incident.HeatSample;
import io.greentwin.jobs.incident.Incident;
import io.greentwin.jobs.incident.KnownCondition;
import io.greentwin.jobs.incident.PendingAc;
import io.greentwin.jobs.incident.StuckRun;
import io.greentwin.jobs.kpi.EnergySlice;
import io.greentwin.jobs.kpi.Hold;
import io.greentwin.jobs.kpi.KpiInput;
import io.greentwin.jobs.kpi.LevelEnergy;
import io.greentwin.jobs.kpi.TimedValue;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** Every record on the KPI and incident streams and in their state is a Flink POJO: no Kryo. */
class StreamTypesTest {
  @Test
  void recordsOnStreamsAndInStateAreFlinkPojos() {
    List<Class<?>> types =
        List.of(
            Reading.class,
            TwinPatch.class,
            EnergySlice.class,
            LevelEnergy.class,
            Hold.class,
            TimedValue.class,
            KpiInput.class,
            Condition.class,
            KnownCondition.class,
            Incident.class,
            Debounce.class,
            Baseline.class,
            StuckRun.class,
            HeatSample.class,
            PendingAc.class,
            io.greentwin.jobs.timeseries.ThingSeries.class);
    for (Class<?> type : types) {
      assertThat(TypeInformation.of(type))
          .as(type.getSimpleName())
          .isInstanceOf(PojoTypeInfo.class);
      assertThat(TypeInformation.of(type).toString())
          .as(type.getSimpleName())
          .doesNotContain("Generic");
    }
  }
}
