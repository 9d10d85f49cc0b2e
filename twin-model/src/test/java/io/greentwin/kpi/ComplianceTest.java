package io.greentwin.kpi;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplianceTest {
  private final EnEfgRequirements enefg = EnEfgRequirements.ENEFG_2023;

  @ParameterizedTest
  @CsvSource({
    "1.08, GRADE_1",
    "1.20, GRADE_1",
    "1.21, GRADE_2",
    "1.30, GRADE_2",
    "1.45, GRADE_3",
    "1.50, GRADE_3",
    "1.56, ABOVE_LIMIT"
  })
  void gb40879GradesPue(double pue, PueGrade expected) {
    assertThat(PueGradeLimits.GB_40879_2021.grade(pue)).isEqualTo(expected);
  }

  @Test
  void eastDataWestComputingHubsCapPue() {
    HubPueLimits hubs = HubPueLimits.EAST_DATA_WEST_COMPUTING;
    assertThat(hubs.meetsEast(1.25)).isTrue();
    assertThat(hubs.meetsWest(1.25)).isFalse();
    assertThat(hubs.meetsWest(1.2)).isTrue();
  }

  @Test
  void enefgNewSiteMeetingBothLimitsIsCompliant() {
    ComplianceResult r = enefg.checkNewSite(LocalDate.of(2026, 9, 1), 1.15, 0.12);
    assertThat(r.compliant()).isTrue();
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void enefgErfRequirementRisesWithTheStartOfOperation() {
    ComplianceResult r = enefg.checkNewSite(LocalDate.of(2027, 7, 1), 1.15, 0.12);
    assertThat(r.compliant()).isFalse();
    assertThat(r.findings()).singleElement().asString().contains("below 0.15");
    assertThat(enefg.checkNewSite(LocalDate.of(2030, 1, 1), 1.1, 0.19).findings())
        .singleElement()
        .asString()
        .contains("below 0.2");
  }

  @Test
  void enefgFlagsPueAboveTheNewSiteCap() {
    ComplianceResult r = enefg.checkNewSite(LocalDate.of(2026, 7, 1), 1.25, 0.4151);
    assertThat(r.findings()).singleElement().asString().contains("PUE 1.25 exceeds");
  }

  @Test
  void enefgNewSiteRulesDoNotReachOlderSites() {
    assertThat(enefg.appliesTo(LocalDate.of(2026, 6, 30))).isFalse();
    assertThat(enefg.checkNewSite(LocalDate.of(2020, 1, 1), 1.4, 0).compliant()).isTrue();
  }

  @Test
  void rejectsGradeLimitsThatFall() {
    assertRejected(() -> new PueGradeLimits(1.3, 1.2, 1.5), "must not fall");
    assertRejected(
        () -> new EnEfgRequirements(1.2, new TreeMap<>(Map.of(LocalDate.of(2026, 7, 1), 1.5))),
        "minErfFrom[2026-07-01]");
  }
}
