package io.greentwin.jobs;

import static io.greentwin.jobs.testing.SimulatedCampus.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentwin.error.GreenTwinException;
import io.greentwin.jobs.incident.IncidentConfig;
import io.greentwin.jobs.kpi.KpiConfig;
import io.greentwin.kpi.DcBoundary;
import io.greentwin.physics.AshraeAirClass;
import io.greentwin.physics.AshraeWaterClass;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo campus's defaults come from its config and the standards, and bad values fail. */
class ConfigDefaultsTest {
  @Test
  void kpiDefaultsTakeBoundaryAndGridFactorFromTheCampus() {
    KpiConfig c = KpiConfig.of(DEMO);
    assertThat(c.boundary()).isEqualTo(DcBoundary.HEAT_PUMP_OUTSIDE);
    assertThat(c.gridFactorKgPerKwh()).isEqualTo(0.6361); // MEE 2023, North China grid
    assertThat(c.pvCertificatesKept()).isTrue();
  }

  @Test
  void incidentDefaultsTakeTheWaterClassOfTheLoopsDesignSupply() {
    IncidentConfig c = IncidentConfig.of(DEMO);
    assertThat(c.waterClass()).isEqualTo(AshraeWaterClass.W45); // 45 °C warm-water loop
    assertThat(c.waterMaxSupplyC()).isEqualTo(45.0);
    assertThat(c.airClass()).isEqualTo(AshraeAirClass.A2);
    assertThat(c.airMinC()).isEqualTo(10.0);
    assertThat(c.airMaxC()).isEqualTo(35.0);
  }

  @Test
  void aNonPositiveHoldIsRejectedWithItsName() {
    assertThatThrownBy(() -> new KpiConfig(DcBoundary.HEAT_PUMP_INSIDE, 0.5, true, Duration.ZERO))
        .isInstanceOf(GreenTwinException.class)
        .hasMessageContaining("maxHold");
  }
}
