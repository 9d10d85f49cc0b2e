package io.greentwin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every reading the simulator writes validates against the published JSON Schema. */
class SensorFormatSchemaTest {
  private static final Path SCHEMA =
      Path.of(System.getProperty("greentwin.repo.dir", ".."), "docs", "sensor-reading.schema.json");

  @Test
  void simulatedReadingsValidateAndBrokenOnesDoNot() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Files.readString(SCHEMA));
    String lines = SimRun.lines(1, "2026-02-01T03:00:00Z", Duration.ofSeconds(30), FaultPlan.NONE);
    int n = 0;
    for (String line : lines.split("\n")) {
      assertThat(schema.validate(json.readTree(line))).as(line).isEmpty();
      n++;
    }
    assertThat(n)
        .isEqualTo(
            SimRun.simulator(1, "2026-02-01T03:00:00Z", Duration.ofSeconds(30), FaultPlan.NONE)
                .readingsPerTick());
    JsonNode bad =
        json.readTree(
            "{\"thingId\":\"greentwin.xianghe:x\",\"feature\":\"power\",\"property\":\"powerKw\","
                + "\"value\":\"1\",\"unit\":\"kWatt\",\"eventTime\":\"yesterday\",\"seq\":-1}");
    assertThat(schema.validate(bad)).hasSize(4);
  }
}
