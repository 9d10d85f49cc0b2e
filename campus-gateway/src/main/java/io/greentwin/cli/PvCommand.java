package io.greentwin.cli;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.solar.CellTempModel;
import io.greentwin.solar.PvArray;
import io.greentwin.solar.PvOutput;
import io.greentwin.solar.PvWatts;
import io.greentwin.solar.TranspositionModel;
import io.greentwin.weather.WeatherFile;
import io.greentwin.weather.WeatherFiles;
import io.greentwin.weather.WeatherSample;
import io.greentwin.weather.WeatherStation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greentwin pv}: the what-if tool for a PV expansion. Runs a PVWatts v5 array over a weather
 * file and prints hourly {@code time,poa_w_m2,cell_temp_c,dc_kw,ac_kw} CSV to stdout and the totals
 * to stderr.
 */
@Command(
    name = "pv",
    mixinStandardHelpOptions = true,
    description = {
      "What-if PV yield (NREL PVWatts v5): hourly CSV on stdout, totals on stderr.",
      "Site defaults come from the weather file's header (TMY3, EPW)."
    })
final class PvCommand implements Callable<Integer> {
  static final String CSV_HEADER = "time,poa_w_m2,cell_temp_c,dc_kw,ac_kw";
  private static final double HOURS_PER_YEAR = 8760;
  private static final double SECONDS_PER_HOUR = 3600;

  @Spec CommandSpec spec;

  @Option(
      names = "--weather",
      required = true,
      paramLabel = "FILE",
      description = "TMY3 CSV, EPW, or CSV with time,ghi,dni,dhi,temp_air,wind_speed.")
  Path weather;

  @Option(names = "--lat", paramLabel = "DEG", description = "Latitude, ° north. Default: file.")
  Double latitudeDeg;

  @Option(names = "--lon", paramLabel = "DEG", description = "Longitude, ° east. Default: file.")
  Double longitudeDeg;

  @Option(names = "--altitude", paramLabel = "M", description = "Altitude, m. Default: file.")
  Double altitudeM;

  @Option(
      names = "--tilt",
      paramLabel = "DEG",
      defaultValue = "" + PvArray.DEFAULT_TILT_DEG,
      description = "Module tilt, °. Default: ${DEFAULT-VALUE}.")
  double tiltDeg;

  @Option(
      names = "--azimuth",
      paramLabel = "DEG",
      defaultValue = "" + PvArray.DEFAULT_AZIMUTH_DEG,
      description = "Module azimuth, ° from north (180 = south). Default: ${DEFAULT-VALUE}.")
  double azimuthDeg;

  @Option(
      names = "--dc-kw",
      paramLabel = "KW",
      defaultValue = "" + PvArray.DEFAULT_DC_KW,
      description = "DC nameplate, kW. Default: ${DEFAULT-VALUE}.")
  double dcKw;

  @Option(
      names = "--dc-ac-ratio",
      paramLabel = "RATIO",
      defaultValue = "" + PvArray.DEFAULT_DC_AC_RATIO,
      description = "DC/AC ratio. Default: ${DEFAULT-VALUE}.")
  double dcAcRatio;

  @Option(
      names = "--losses-pct",
      paramLabel = "PCT",
      defaultValue = "" + PvWatts.DEFAULT_TOTAL_LOSS_PCT,
      description = "System losses, percent. Default: ${DEFAULT-VALUE}.")
  double lossesPct;

  @Option(
      names = "--gamma",
      paramLabel = "PER_C",
      defaultValue = "" + PvWatts.GAMMA_STANDARD_PER_C,
      description = "Temperature coefficient of power, 1/°C. Default: ${DEFAULT-VALUE}.")
  double gammaPerC;

  @Option(
      names = "--albedo",
      paramLabel = "FRACTION",
      defaultValue = "" + PvArray.DEFAULT_ALBEDO,
      description = "Ground albedo. Default: ${DEFAULT-VALUE}.")
  double albedo;

  @Option(
      names = "--inverter-efficiency",
      paramLabel = "FRACTION",
      defaultValue = "" + PvWatts.DEFAULT_INVERTER_EFFICIENCY,
      description = "Nominal inverter efficiency. Default: ${DEFAULT-VALUE}.")
  double inverterEfficiency;

  @Option(
      names = "--transposition",
      paramLabel = "MODEL",
      defaultValue = "perez",
      completionCandidates = TranspositionNames.class,
      description = "Sky diffuse model: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  String transposition;

  @Option(
      names = "--temp-model",
      paramLabel = "MODEL",
      defaultValue = "sapm",
      completionCandidates = TempModelNames.class,
      description = "Cell temperature model: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  String tempModel;

  @Override
  public Integer call() {
    TranspositionModel sky = parse(TranspositionModel.class, "--transposition", transposition);
    CellTempModel temp = parse(CellTempModel.class, "--temp-model", tempModel);
    WeatherFile file = WeatherFiles.readFile(weather);
    PvArray array = array(file, sky, temp);
    List<PvOutput> hours = new ArrayList<>(file.samples().size());
    file.samples().forEach(w -> hours.add(array.output(w, file.averagingInterval())));
    PrintWriter out = spec.commandLine().getOut();
    PvReport.writeCsv(out, hours);
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    PvReport.writeTotals(err, file, array, hours, stepHours(file));
    err.flush();
    return 0;
  }

  private PvArray array(WeatherFile file, TranspositionModel sky, CellTempModel temp) {
    Optional<WeatherStation> station = file.station();
    double lat = siteValue(latitudeDeg, station, WeatherStation::latitudeDeg, "--lat", file);
    double lon = siteValue(longitudeDeg, station, WeatherStation::longitudeDeg, "--lon", file);
    double alt = siteValue(altitudeM, station, WeatherStation::altitudeM, "--altitude", file);
    return new PvArray(
        lat,
        lon,
        alt,
        tiltDeg,
        azimuthDeg,
        dcKw,
        dcAcRatio,
        lossesPct,
        gammaPerC,
        albedo,
        sky,
        temp,
        inverterEfficiency);
  }

  private static double siteValue(
      Double given,
      Optional<WeatherStation> station,
      ToDoubleFunction<WeatherStation> fromFile,
      String option,
      WeatherFile file) {
    if (given != null) {
      return given;
    }
    return station
        .map(fromFile::applyAsDouble)
        .orElseThrow(
            () ->
                new GreenTwinException(
                    ErrorCode.ARGUMENT_INVALID,
                    option
                        + " is required: "
                        + file.source()
                        + " ("
                        + file.format()
                        + ") has no station header"));
  }

  /** Hours each sample stands for: the averaging interval, else the typical stamp spacing. */
  static double stepHours(WeatherFile file) {
    if (!file.averagingInterval().isZero()) {
      return file.averagingInterval().getSeconds() / SECONDS_PER_HOUR;
    }
    List<Long> gaps = new ArrayList<>();
    List<Instant> times = file.samples().stream().map(WeatherSample::time).sorted().toList();
    for (int i = 1; i < times.size(); i++) {
      long s = Duration.between(times.get(i - 1), times.get(i)).getSeconds();
      if (s > 0) {
        gaps.add(s);
      }
    }
    if (gaps.isEmpty()) {
      return 1;
    }
    gaps.sort(null);
    return gaps.get(gaps.size() / 2) / SECONDS_PER_HOUR;
  }

  static boolean isYear(double hours) {
    return hours >= HOURS_PER_YEAR;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new GreenTwinException(
        ErrorCode.ARGUMENT_INVALID,
        option + ": '" + value + "' is not one of " + names(type.getEnumConstants()));
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
  }

  /** The {@code --transposition} values for help and completion. */
  static final class TranspositionNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    TranspositionNames() {
      super(names(TranspositionModel.values()));
    }
  }

  /** The {@code --temp-model} values for help and completion. */
  static final class TempModelNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    TempModelNames() {
      super(names(CellTempModel.values()));
    }
  }
}
