package io.greentwin.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonObjectBuilder;
import org.eclipse.ditto.json.JsonPointer;
import org.junit.jupiter.api.Test;

/** Every path of a twin's JSON found as Ditto's pointer finds it; absent paths not at all. */
class IndexedJsonTest {
  @Test
  void everyPathAtEveryDepthIsFoundAndNothingElse() {
    Random random = new Random(5);
    for (int round = 0; round < 200; round++) {
      JsonObject json = randomObject(random, 0);
      IndexedJson index = IndexedJson.of(json);
      json.getKeys().forEach(k -> assertFound(index, json, k.toString()));
      assertNested(index, json, json, "");
      // built strings, not the interned ones: found by equality too
      assertThat(index.get(new String("absent/path"))).isNull();
      assertThat(index.get("")).isNull();
    }
  }

  private static void assertNested(IndexedJson index, JsonObject root, JsonObject o, String at) {
    o.forEach(
        f -> {
          String path = at.isEmpty() ? f.getKeyName() : at + "/" + f.getKeyName();
          assertFound(index, root, new String(path));
          assertThat(index.get(path + "/none")).isNull();
          if (f.getValue().isObject()) {
            assertNested(index, root, f.getValue().asObject(), path);
          }
        });
  }

  private static void assertFound(IndexedJson index, JsonObject root, String path) {
    assertThat(index.get(path))
        .as(path)
        .isEqualTo(root.getValue(JsonPointer.of(path)).orElseThrow());
  }

  private static JsonObject randomObject(Random random, int depth) {
    JsonObjectBuilder b = JsonFactory.newObjectBuilder();
    int fields = random.nextInt(depth == 0 ? 40 : 8);
    for (int i = 0; i < fields; i++) {
      String key = "k" + random.nextInt(100);
      if (depth < 3 && random.nextInt(3) == 0) {
        b.set(key, randomObject(random, depth + 1));
      } else {
        b.set(key, random.nextInt(1000));
      }
    }
    return b.build();
  }
}
