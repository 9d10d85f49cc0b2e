package io.greentwin.jobs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.sim.Reading;
import io.greentwin.sim.ReadingJson;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The canonical fast path gives what {@link ReadingJson} gives, or steps aside. */
class CanonicalReadingParserTest {
  private static final String PREFIX =
      "{\"thingId\":\"greentwin.demo:rack-1\",\"feature\":\"coolant\",\"property\":\"supplyTempC\","
          + "\"value\":";

  private static String line(String value, String time, String seq) {
    return PREFIX + value + ",\"unit\":\"Cel\",\"eventTime\":\"" + time + "\",\"seq\":" + seq + "}";
  }

  @Test
  void readsTheEncodersLayoutExactlyAsTheStrictParserDoes() {
    CanonicalReadingParser fast = new CanonicalReadingParser();
    ReadingJson strict = new ReadingJson();
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      long milli = random.nextLong(-2_000_000_000L, 2_000_000_000L) >> random.nextInt(30);
      String value =
          milli == 0
              ? "0"
              : (milli < 0 ? "-" : "")
                  + Math.abs(milli) / 1000
                  + (Math.abs(milli) % 1000 == 0
                      ? ""
                      : ("." + String.format("%03d", Math.abs(milli) % 1000))
                          .replaceAll("0+$", ""));
      String time = String.format("2026-06-21T11:%02d:%02d.%03dZ", i % 60, i / 60 % 60, i % 1000);
      String text = line(value, time, Long.toString(i * 31L));
      Reading r = fast.parse(text);
      assertThat(r).as(text).isNotNull().isEqualTo(strict.parse(text));
    }
  }

  @Test
  void stepsAsideForAnythingElseSoTheStrictParserDecides() {
    CanonicalReadingParser fast = new CanonicalReadingParser();
    String time = "2026-06-21T11:00:30.000Z";
    for (String text :
        List.of(
            line("1.2345", time, "1"),
            line("1e3", time, "1"),
            line("01", time, "1"),
            line("-0", time, "1"),
            line("-0.0", time, "1"),
            line("1.", time, "1"),
            line("1234567890123456", time, "1"),
            line("1", "2026-06-21T11:00:30Z", "1"),
            line("1", "2026-13-21T11:00:30.000Z", "1"),
            line("1", time, "-1"),
            line("1", time, "01"),
            line("1", time, "1.0"),
            line("1", time, "12345678901234567890"),
            line("1", time, "1") + " ",
            line("1", time, "1") + "}",
            PREFIX.replace("rack-1", "rack\\u002d1")
                + "1,\"unit\":\"Cel\",\"eventTime\":\""
                + time
                + "\",\"seq\":1}",
            PREFIX.replace("coolant", "")
                + "1,\"unit\":\"Cel\",\"eventTime\":\""
                + time
                + "\",\"seq\":1}",
            "{\"feature\":\"coolant\"}",
            "",
            "{")) {
      assertThat(fast.parse(text)).as(text).isNull();
    }
    assertThat(fast.parse(line("-0.5", time, "0")).value()).isEqualTo(-0.5);
    assertThat(fast.parse(line("123456789012.345", time, "0")).value()).isEqualTo(123456789012.345);
  }
}
