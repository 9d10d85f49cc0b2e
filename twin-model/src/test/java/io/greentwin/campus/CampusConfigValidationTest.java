package io.greentwin.campus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampusConfigValidationTest {
  @TempDir Path dir;

  private final CampusLoader loader = new CampusLoader();

  @Test
  void demoConfigValidatesClean() {
    Campus campus = loader.loadCampus(CampusExpanderTest.demoConfig());
    assertThat(campus.namespace()).isEqualTo("greentwin.xianghe");
    assertThat(campus.count()).isGreaterThanOrEqualTo(5000);
  }

  @Test
  void yamlSyntaxErrorNamesLineAndColumn() throws IOException {
    Path file = demoWith("  name: Xianghe Green Compute Park", " name: Xianghe Green Compute Park");
    int line = lineOf(file, " name: Xianghe");

    List<String> problems = problems(file);

    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith(file + ":" + line + ":2: (yaml): YAML syntax error: ")
        .contains("allowed: well-formed YAML");
  }

  @Test
  void keyTwiceInOneMappingIsASyntaxError() throws IOException {
    Path file = demoWith("  altitudeM: 15\n", "  altitudeM: 15\n  altitudeM: 16\n");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .startsWith(file + ":" + (lineOf(file, "altitudeM: 16")) + ":")
        .contains("Duplicate field 'altitudeM'");
  }

  @Test
  void unknownFieldListsTheAllowedFields() throws IOException {
    Path file = demoWith("    heightU: 4\n", "    heightU: 4\n    colour: red\n");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .startsWith(file + ":" + lineOf(file, "colour: red") + ":")
        .contains(
            ": serverModels[1].colour: unknown field 'colour'; allowed: the fields id*, kind*,")
        .contains("heightU*");
  }

  @Test
  void wrongTypeSaysWhatWasExpected() throws IOException {
    Path file = demoWith("latitudeDeg: 39.76", "latitudeDeg: north");

    assertThat(problems(file))
        .containsExactly(
            file
                + ":"
                + lineOf(file, "latitudeDeg")
                + ":16: site.latitudeDeg: expected number but"
                + " found 'north'; allowed: a number from -90 to 90 (latitude, degrees north)");
  }

  @Test
  void outOfRangeValueGivesTheRange() throws IOException {
    Path file = demoWith("liquidFraction: 0.90", "liquidFraction: 0.99");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .contains(
            ": serverModels[0].liquidFraction: 0.99 is out of range; allowed: a number from"
                + " 0.75 to 0.98 (");
  }

  @Test
  void badEnumValueListsTheAllowedValues() throws IOException {
    Path file = demoWith("powerCurve: fan-2007", "powerCurve: cubic");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .contains(
            ": serverModels[0].powerCurve: 'cubic' is not allowed; allowed: one of linear,"
                + " fan-2007");
  }

  @Test
  void missingRequiredFieldIsNamed() throws IOException {
    Path file = demoWith("  connectionKw: 16000\n", "");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .contains(
            ": grid.connectionKw: missing required field 'connectionKw'; allowed:"
                + " connectionKw: a number > 0 (grid connection capacity, kW)");
  }

  @Test
  void danglingReferenceListsTheKnownIds() throws IOException {
    Path file = demoWith("serverModel: gpu-8x", "serverModel: gpu-9x");

    assertThat(problems(file))
        .containsExactly(
            file
                + ":"
                + lineOf(file, "gpu-9x")
                + ":22: buildings[1].halls[1].serverModel: unknown"
                + " server model 'gpu-9x'; allowed: the id of one of serverModels: cpu-2s, gpu-8x");
  }

  @Test
  void duplicateIdNamesTheFirstUse() throws IOException {
    Path file = demoWith("  - id: pv-roof-b2", "  - id: pv-roof-b1");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .contains(
            ": pv[1].id: duplicate id 'pv-roof-b1' (thing name 'pv-roof-b1') is already"
                + " used by pv[0].id (line "
                + lineOf(file, "id: pv-roof-b1")
                + "); allowed: an id"
                + " that no other asset uses");
  }

  @Test
  void duplicateHallInOneBuildingIsReported() throws IOException {
    Path file =
        demoWith("      - id: h2\n        name: Hall 1B", "      - id: h1\n        name: Hall 1B");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .contains(": buildings[0].halls[1].id: duplicate id 'h1' (thing name 'b1-h1')");
  }

  @Test
  void idlePowerNotBelowMaxIsReported() throws IOException {
    Path file = demoWith("idlePowerW: 1400", "idlePowerW: 6800");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .contains(
            ": serverModels[1].idlePowerW: idlePowerW 6800 W is not below maxPowerW 6800 W;"
                + " allowed: idlePowerW < maxPowerW");
  }

  @Test
  void namespaceThatDittoRejectsIsReported() throws IOException {
    Path file = demoWith("namespace: greentwin.xianghe", "namespace: green twin");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .contains(": site.namespace: 'green twin' is malformed; allowed: a string matching")
        .contains("Ditto namespace");
  }

  @Test
  void semanticCheckAsksDittoItselfAboutTheNamespace() throws IOException {
    // Bypasses the schema's pattern: the namespace check must come from Ditto's own ThingId.
    Path file = write("site:\n  namespace: \"green..twin\"\n  timeZone: UTC\n");
    List<ConfigProblem> problems = SemanticCheck.check(loader.parse(file));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("site.namespace");
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.problem()).startsWith("'green..twin' is not a valid Ditto namespace");
            });
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "building: b2|building: b7|pv[1].building|unknown building 'b7'|one of buildings: b1, b2",
        "`    building: b2\\n`||pv[1].building|a rooftop array must name its building|b1, b2",
        "`    position: { xM: 20, yM: 10 }\\n`||pv[2].position|a ground array needs a position|xM",
        "cdus: 4|cdus: 13|buildings[1].halls[1].cdus|13 CDUs for 12 rows|cdus <= rows (12)",
        "serversPerRack: 4|serversPerRack: 11|buildings[1].halls[1].serversPerRack|11 servers of"
            + " 4U need 44U|serversPerRack x heightU <= 40",
        "Asia/Shanghai|Asia/Beijing|site.timeZone|unknown time zone 'Asia/Beijing'|IANA",
        "\"03-15\"|\"02-30\"|heatRecovery.districtHeating.seasonEnd|'02-30' is not a day of the"
            + " year|MM-DD",
        "`    seasonEnd: \"03-15\"\\n`||heatRecovery.districtHeating.seasonStart|a heating season needs both"
            + " seasonStart and seasonEnd|or neither",
        "`  id: weather-station`|`  id: heat-pump`|weatherStation.id|duplicate id 'heat-pump'"
            + " (thing name 'heat-pump') is already used by heatRecovery.heatPump.id|no other asset",
        "`  id: ev-hub`|`  id: pump-2`|evHub.id|duplicate id 'pump-2' (thing name 'pump-2') is already"
            + " used by cooling.pumps.count|generated names",
        "supplyTempC: 40|supplyTempC: 30|heatRecovery.ecoPark.returnTempC|returnTempC 30 C is"
            + " not below supplyTempC 30 C|returnTempC < supplyTempC",
      })
  void semanticProblemsNameThePathAndWhatIsAllowed(
      String from, String to, String path, String problem, String allowed) throws IOException {
    Path file = demoWith(from.replace("\\n", "\n"), to == null ? "" : to.replace("\\n", "\n"));

    assertThat(problems(file))
        .singleElement()
        .asString()
        .startsWith(file + ":")
        .contains(": " + path + ": " + problem)
        .contains("; allowed: ")
        .contains(allowed);
  }

  @Test
  void everyProblemInOneFileIsReportedInFileOrder() throws IOException {
    Path file =
        demoWith(
            "latitudeDeg: 39.76", "latitudeDeg: 139.76",
            "kind: gpu", "kind: tpu",
            "idlePowerW: 190", "idlePowerW: 900",
            "serverModel: gpu-8x", "serverModel: gpu-9x",
            "  region: north", "  region: north\n  colour: green",
            "    inverters: 20\n", "");

    GreenTwinException e = invalid(file);

    assertThat(e.getMessage().lines().findFirst().orElseThrow())
        .isEqualTo(file + ": invalid campus config, 6 problems:");
    assertThat(problems(file))
        .extracting(line -> line.split(": ")[1])
        .containsExactly(
            "site.latitudeDeg",
            "grid.colour",
            "serverModels[0].idlePowerW",
            "serverModels[1].kind",
            "buildings[1].halls[1].serverModel",
            "pv[2].inverters");
  }

  @Test
  void missingFileIsNotFound() {
    Path file = dir.resolve("nowhere.yaml");

    GreenTwinException e = catchThrowableOfType(GreenTwinException.class, () -> loader.load(file));

    assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_NOT_FOUND);
    assertThat(e.getMessage()).isEqualTo(file + ": no such file");
    assertThat(e.isUserError()).isTrue();
  }

  @Test
  void emptyFileIsReported() throws IOException {
    Path file = write("# nothing here\n");

    assertThat(problems(file))
        .singleElement()
        .asString()
        .isEqualTo(
            file + ": (root): the file is empty; allowed: a campus as in config/campus.yaml");
  }

  /** The demo config with each {@code from} replaced (first occurrence) by the next {@code to}. */
  private Path demoWith(String... fromTo) throws IOException {
    String text = Files.readString(CampusExpanderTest.demoConfig());
    for (int i = 0; i < fromTo.length; i += 2) {
      int at = text.indexOf(fromTo[i]);
      assertThat(at).as("demo config contains %s", fromTo[i]).isNotNegative();
      text = text.substring(0, at) + fromTo[i + 1] + text.substring(at + fromTo[i].length());
    }
    return write(text);
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("campus.yaml"), yaml);
  }

  private GreenTwinException invalid(Path file) {
    GreenTwinException e = catchThrowableOfType(GreenTwinException.class, () -> loader.load(file));
    assertThat(e).as("config is rejected").isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
    return e;
  }

  /** The problem lines of the rejection, without its header line. */
  private List<String> problems(Path file) {
    List<String> lines = invalid(file).getMessage().lines().toList();
    return lines.subList(1, lines.size());
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Arrays.asList(Files.readString(file).split("\n", -1));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }
}
