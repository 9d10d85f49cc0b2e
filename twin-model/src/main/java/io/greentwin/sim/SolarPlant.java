package io.greentwin.sim;

import io.greentwin.campus.Campus;
import io.greentwin.campus.PvArrayConfig;
import io.greentwin.campus.PvDefaultsConfig;
import io.greentwin.campus.SiteConfig;
import io.greentwin.solar.CellTempModel;
import io.greentwin.solar.PvArray;
import io.greentwin.solar.PvOutput;
import io.greentwin.solar.TranspositionModel;
import io.greentwin.weather.WeatherSample;
import java.util.List;
import java.util.Locale;

/**
 * The PV arrays: PVWatts output of each array from the weather, shared equally by its inverters; a
 * tripped inverter delivers nothing and opens its strings, so the array's DC drops with it.
 */
final class SolarPlant {
  private final Campus campus;
  private final PvArray[] arrays;
  private final int[] inverterCount;
  private final String[][] inverterIds;

  final PvOutput[] output;
  final double[] arrayDcKw;
  final boolean[][] online;
  double acTotalKw;

  SolarPlant(Campus campus) {
    this.campus = campus;
    List<PvArrayConfig> list = campus.config().pv();
    PvDefaultsConfig d = campus.config().pvDefaults();
    SiteConfig s = campus.config().site();
    arrays = new PvArray[list.size()];
    inverterCount = new int[list.size()];
    inverterIds = new String[list.size()][];
    online = new boolean[list.size()][];
    for (int i = 0; i < list.size(); i++) {
      PvArrayConfig a = list.get(i);
      arrays[i] =
          new PvArray(
              s.latitudeDeg(),
              s.longitudeDeg(),
              s.altitudeM(),
              a.tiltDeg(),
              a.azimuthDeg(),
              a.dcKw(),
              a.dcAcRatio() == null ? d.dcAcRatio() : a.dcAcRatio(),
              a.lossesPct() == null ? d.lossesPct() : a.lossesPct(),
              a.gammaPerC() == null ? d.gammaPerC() : a.gammaPerC(),
              d.albedo(),
              TranspositionModel.valueOf(d.transposition().toUpperCase(Locale.ROOT)),
              CellTempModel.valueOf(d.temperatureModel().toUpperCase(Locale.ROOT)),
              d.inverterEfficiency());
      inverterCount[i] = a.inverters();
      inverterIds[i] = new String[a.inverters()];
      online[i] = new boolean[a.inverters()];
      for (int k = 0; k < a.inverters(); k++) {
        inverterIds[i][k] = campus.thingId(a.id() + String.format("-inv%02d", k + 1));
      }
    }
    output = new PvOutput[arrays.length];
    arrayDcKw = new double[arrays.length];
  }

  void compute(WeatherSample weather, FaultPlan faults, long offsetMs) {
    acTotalKw = 0;
    for (int i = 0; i < arrays.length; i++) {
      output[i] = arrays[i].output(weather);
      int up = 0;
      for (int k = 0; k < inverterCount[i]; k++) {
        online[i][k] =
            faults.equipment(FaultType.PV_INVERTER_TRIP, inverterIds[i][k], offsetMs) == null;
        up += online[i][k] ? 1 : 0;
      }
      arrayDcKw[i] = output[i].dcKw() * up / inverterCount[i];
      acTotalKw += output[i].acKw() * up / inverterCount[i];
    }
  }

  int arrays() {
    return arrays.length;
  }

  int inverters(int array) {
    return inverterCount[array];
  }

  Campus campus() {
    return campus;
  }
}
