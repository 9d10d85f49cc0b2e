package io.greentwin.campus;

import static io.greentwin.units.UnitCode.CELSIUS;
import static io.greentwin.units.UnitCode.COUNT;
import static io.greentwin.units.UnitCode.CUBIC_METRE_PER_HOUR;
import static io.greentwin.units.UnitCode.KILOPASCAL;
import static io.greentwin.units.UnitCode.KILOWATT;
import static io.greentwin.units.UnitCode.KILOWATT_HOUR;
import static io.greentwin.units.UnitCode.LITRE_PER_HOUR;
import static io.greentwin.units.UnitCode.METRE_PER_SECOND;
import static io.greentwin.units.UnitCode.PERCENT;
import static io.greentwin.units.UnitCode.RATIO;
import static io.greentwin.units.UnitCode.WATT;
import static io.greentwin.units.UnitCode.WATT_PER_SQUARE_METRE;

import io.greentwin.units.UnitCode;
import java.util.ArrayList;
import java.util.List;

/**
 * What kind of asset a twin mirrors: its Ditto definition (a Brick Schema 1.4 class where one
 * exists, else a GreenTwin class), the sensor points it reports and the derived features that jobs
 * write (KPIs). The point list is the contract between simulator, ingest validation and twins.
 */
public enum AssetKind {
  SITE("brick", "Site", List.of(), List.of("kpi")),
  BUILDING(
      "brick",
      "Building",
      points("metering", "itPowerKw", KILOWATT, "metering", "facilityPowerKw", KILOWATT),
      List.of("kpi")),
  HALL(
      "brick",
      "Server_Room",
      points(
          "environment",
          "airTempC",
          CELSIUS,
          "environment",
          "humidityPct",
          PERCENT,
          "workload",
          "deferrablePowerKw",
          KILOWATT),
      List.of("kpi")),
  // Brick has no class for a row of racks: ours is named plainly.
  ROW("greentwin", "RackRow", List.of(), List.of()),
  RACK(
      "brick",
      "ICT_Rack",
      points(
          "power",
          "powerKw",
          KILOWATT,
          "coolant",
          "supplyTempC",
          CELSIUS,
          "coolant",
          "returnTempC",
          CELSIUS,
          "coolant",
          "flowM3h",
          CUBIC_METRE_PER_HOUR,
          "thermal",
          "inletTempC",
          CELSIUS),
      List.of()),
  SERVER(
      "brick",
      "Server",
      points(
          "power",
          "powerW",
          WATT,
          "compute",
          "utilisationPct",
          PERCENT,
          "thermal",
          "inletTempC",
          CELSIUS),
      List.of()),
  // Brick has no CDU class (CONNECTORS.md): ours is named plainly.
  CDU(
      "greentwin",
      "CoolantDistributionUnit",
      points(
          "primary",
          "supplyTempC",
          CELSIUS,
          "primary",
          "returnTempC",
          CELSIUS,
          "primary",
          "flowM3h",
          CUBIC_METRE_PER_HOUR,
          "secondary",
          "supplyTempC",
          CELSIUS,
          "secondary",
          "returnTempC",
          CELSIUS,
          "secondary",
          "flowM3h",
          CUBIC_METRE_PER_HOUR,
          "heat",
          "heatKw",
          KILOWATT,
          "valve",
          "positionPct",
          PERCENT),
      List.of()),
  PUMP(
      "brick",
      "Pump",
      points(
          "drive",
          "speedPct",
          PERCENT,
          "hydraulics",
          "flowM3h",
          CUBIC_METRE_PER_HOUR,
          "hydraulics",
          "headKpa",
          KILOPASCAL,
          "power",
          "powerKw",
          KILOWATT),
      List.of()),
  WATER_LOOP(
      "brick",
      "Water_Loop",
      points(
          "temperatures",
          "supplyTempC",
          CELSIUS,
          "temperatures",
          "returnTempC",
          CELSIUS,
          "flow",
          "flowM3h",
          CUBIC_METRE_PER_HOUR,
          "heat",
          "heatKw",
          KILOWATT),
      List.of()),
  DRY_COOLER(
      "brick",
      "Dry_Cooler",
      points(
          "fan",
          "speedPct",
          PERCENT,
          "power",
          "powerKw",
          KILOWATT,
          "water",
          "inletTempC",
          CELSIUS,
          "water",
          "outletTempC",
          CELSIUS,
          "heat",
          "heatRejectedKw",
          KILOWATT,
          "spray",
          "waterLph",
          LITRE_PER_HOUR),
      List.of()),
  CHILLER(
      "brick",
      "Chiller",
      points(
          "power",
          "powerKw",
          KILOWATT,
          "cooling",
          "coolingKw",
          KILOWATT,
          "chilledWater",
          "supplyTempC",
          CELSIUS,
          "chilledWater",
          "returnTempC",
          CELSIUS,
          "performance",
          "cop",
          RATIO),
      List.of()),
  HEAT_PUMP(
      "brick",
      "Packaged_Heat_Pump",
      points(
          "power",
          "powerKw",
          KILOWATT,
          "heat",
          "deliveredKw",
          KILOWATT,
          "heat",
          "sourceKw",
          KILOWATT,
          "sink",
          "supplyTempC",
          CELSIUS,
          "performance",
          "cop",
          RATIO),
      List.of()),
  // A heat customer's substation, metered as an EN 1434 heat meter.
  HEAT_EXPORT(
      "brick",
      "Heat_Exchanger",
      points(
          "heatMeter",
          "thermalPowerKw",
          KILOWATT,
          "heatMeter",
          "energyKwh",
          KILOWATT_HOUR,
          "heatMeter",
          "supplyTempC",
          CELSIUS,
          "heatMeter",
          "returnTempC",
          CELSIUS,
          "heatMeter",
          "flowM3h",
          CUBIC_METRE_PER_HOUR,
          "offer",
          "offeredKw",
          KILOWATT,
          "demand",
          "demandKw",
          KILOWATT),
      List.of()),
  PV_ARRAY(
      "brick",
      "Photovoltaic_Array",
      points(
          "irradiance",
          "poaWm2",
          WATT_PER_SQUARE_METRE,
          "module",
          "cellTempC",
          CELSIUS,
          "dc",
          "powerKw",
          KILOWATT),
      List.of()),
  PV_INVERTER(
      "brick",
      "Photovoltaic_Inverter",
      points("dc", "powerKw", KILOWATT, "ac", "powerKw", KILOWATT, "status", "online", RATIO),
      List.of()),
  GRID_METER(
      "brick",
      "Electrical_Meter",
      points(
          "import",
          "powerKw",
          KILOWATT,
          "export",
          "powerKw",
          KILOWATT,
          "energy",
          "importKwh",
          KILOWATT_HOUR,
          "energy",
          "exportKwh",
          KILOWATT_HOUR),
      List.of()),
  EV_HUB(
      "brick",
      "Electric_Vehicle_Charging_Hub",
      points(
          "charging",
          "powerKw",
          KILOWATT,
          "charging",
          "activeSessions",
          COUNT,
          "charging",
          "pvPowerKw",
          KILOWATT),
      List.of()),
  WEATHER_STATION(
      "brick",
      "Weather_Station",
      points(
          "irradiance",
          "ghiWm2",
          WATT_PER_SQUARE_METRE,
          "irradiance",
          "dniWm2",
          WATT_PER_SQUARE_METRE,
          "irradiance",
          "dhiWm2",
          WATT_PER_SQUARE_METRE,
          "air",
          "tempC",
          CELSIUS,
          "air",
          "humidityPct",
          PERCENT,
          "wind",
          "speedMs",
          METRE_PER_SECOND),
      List.of());

  /** Brick Schema release the definitions name (CONNECTORS.md, "Asset vocabulary"). */
  static final String BRICK_VERSION = "1.4";

  private final String vocabulary;
  private final String className;
  private final List<PointSpec> points;
  private final List<String> derivedFeatures;

  AssetKind(
      String vocabulary, String className, List<PointSpec> points, List<String> derivedFeatures) {
    this.vocabulary = vocabulary;
    this.className = className;
    this.points = points;
    this.derivedFeatures = derivedFeatures;
  }

  /** Ditto thing definition {@code namespace:name:version}, e.g. {@code brick:ICT_Rack:1.4}. */
  public String definition() {
    return vocabulary + ":" + className + ":" + ("brick".equals(vocabulary) ? BRICK_VERSION : "1");
  }

  /** True when a Brick Schema class describes this kind. */
  public boolean isBrickClass() {
    return "brick".equals(vocabulary);
  }

  /** The sensor points every asset of this kind reports, in a fixed order. */
  public List<PointSpec> points() {
    return points;
  }

  /** Features written by stream jobs rather than sensors (e.g. {@code kpi}). */
  public List<String> derivedFeatures() {
    return derivedFeatures;
  }

  /** The point at {@code feature/property}, or null. */
  public PointSpec point(String feature, String property) {
    for (PointSpec p : points) {
      if (p.feature().equals(feature) && p.property().equals(property)) {
        return p;
      }
    }
    return null;
  }

  private static List<PointSpec> points(Object... triples) {
    List<PointSpec> list = new ArrayList<>();
    for (int i = 0; i < triples.length; i += 3) {
      list.add(
          new PointSpec((String) triples[i], (String) triples[i + 1], (UnitCode) triples[i + 2]));
    }
    return List.copyOf(list);
  }
}
