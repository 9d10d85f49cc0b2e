package io.greentwin.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.ditto.base.model.json.FieldType;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.Test;

class JsonTextTest {
  private static final String TWIN =
      """
      {"thingId":"greentwin.xianghe:b1-h1-r01-k04","policyId":"greentwin.xianghe:operators",
       "_revision":42,"_created":"2026-12-05T05:00:00Z","_modified":"2026-12-05T05:00:01.5Z",
       "attributes":{"kind":"rack","name":"Rack \\"K04\\" — row 1 / hall 1","ratedKw":30,
         "position":{"xM":12.5,"yM":-3.25,"zM":0},"tags":["liquid",true,null,0.5,[]]},
       "features":{"power":{"properties":{"powerKw":17.125,"observedAt":"2026-12-05T05:00:01.000Z"}},
         "coolant":{"properties":{"supplyTempC":45,"returnTempC":54.9},
                    "desiredProperties":{"supplyTempC":46}},"empty":{}}}
      """;

  @Test
  void aTwinIsWrittenExactlyAsDittoRendersIt() {
    Thing thing = ThingsModelFactory.newThing(JsonFactory.newObject(TWIN));
    JsonObject json = thing.toJson(JsonSchemaVersion.V_2, FieldType.all());
    assertThat(JsonText.of(json)).isEqualTo(json.toString());
    assertThat(JsonFactory.readFrom(JsonText.of(json))).isEqualTo(json);
  }

  @Test
  void controlCharactersQuotesAndBackslashesAreEscapedAsJsonRequires() {
    String s = "a\"b\\c\nd\u0001é";
    StringBuilder json = JsonText.quote(new StringBuilder(), s);
    assertThat(json.toString()).isEqualTo("\"a\\\"b\\\\c\\u000ad\\u0001é\"");
    assertThat(JsonFactory.readFrom(json.toString()).asString()).isEqualTo(s);
    JsonObject object = JsonFactory.newObjectBuilder().set(s, s).build();
    assertThat(JsonFactory.readFrom(JsonText.of(object))).isEqualTo(object);
  }

  @Test
  void numbersInExponentFormReadBackAsTheSameNumbers() {
    JsonObject json = JsonFactory.newObject("{\"a\":[1e-7,-2.5E300,12345678901234]}");
    var back = JsonFactory.newObject(JsonText.of(json)).getValue("a").orElseThrow().asArray();
    assertThat(back.get(0).orElseThrow().asDouble()).isEqualTo(1e-7);
    assertThat(back.get(1).orElseThrow().asDouble()).isEqualTo(-2.5e300);
    assertThat(back.get(2).orElseThrow().asLong()).isEqualTo(12345678901234L);
  }

  @Test
  void scalarsAreDittosOwnLiterals() {
    for (JsonValue v :
        new JsonValue[] {
          JsonValue.of(2),
          JsonValue.of(2.5),
          JsonValue.of(-1e300),
          JsonValue.of(Long.MAX_VALUE),
          JsonValue.of(true),
          JsonValue.nullLiteral(),
          JsonValue.of("")
        }) {
      assertThat(JsonText.of(v)).isEqualTo(v.toString());
    }
  }
}
