package io.greentwin.campus;

import java.util.ArrayList;
import java.util.List;

/**
 * Unfolds a validated {@link CampusConfig} into every asset: buildings, halls, rows, racks, servers
 * and CDUs here; the plant in {@link PlantExpander}. Ids follow the hierarchy ({@code
 * b1-h2-r03-k07-s05}) so they sort naturally and tell where an asset is.
 */
public final class CampusExpander {
  private final CampusConfig config;
  private final String ns;
  private final List<Assets.Building> buildings = new ArrayList<>();
  private final List<Assets.Hall> halls = new ArrayList<>();
  private final List<Assets.Row> rows = new ArrayList<>();
  private final List<Assets.Rack> racks = new ArrayList<>();
  private final List<Assets.Server> servers = new ArrayList<>();
  private final List<Assets.Cdu> cdus = new ArrayList<>();

  private CampusExpander(CampusConfig config) {
    this.config = config;
    this.ns = config.site().namespace() + ":";
  }

  /** Expands a validated config. */
  public static Campus expand(CampusConfig config) {
    return new CampusExpander(config).run();
  }

  private Campus run() {
    SiteConfig s = config.site();
    Assets.Site site =
        new Assets.Site(ns + "campus", s.name(), Position.ORIGIN, orNone(s.sizeM()), s);
    for (BuildingConfig b : config.buildings()) {
      Position origin = b.position().toPosition();
      String id = ns + b.id();
      buildings.add(new Assets.Building(id, b.name(), site.id(), origin, b.sizeM()));
      for (HallConfig h : b.halls()) {
        addHall(b, h, id, origin.plus(h.position().toPosition()));
      }
    }
    PlantExpander plant = new PlantExpander(config, ns, site.id());
    return new Campus(
        config, site, buildings, halls, rows, racks, servers, cdus, plant.expand(buildings));
  }

  private void addHall(BuildingConfig b, HallConfig h, String buildingId, Position origin) {
    String local = b.id() + "-" + h.id();
    String hallId = ns + local;
    String name = h.name() == null ? local : h.name();
    Assets.Hall hall =
        new Assets.Hall(
            hallId,
            name,
            buildingId,
            origin,
            Layout.hallSize(h),
            halls.size(),
            config.serverModel(h.serverModel()),
            config.workloadProfile(h.workloadProfile()),
            h);
    halls.add(hall);
    int firstCdu = cdus.size();
    for (int c = 0; c < h.cdus(); c++) {
      Position pos = origin.plus(Layout.HALL_MARGIN_M / 2 + c * 2.0, Layout.HALL_MARGIN_M / 2, 0);
      cdus.add(
          new Assets.Cdu(
              ns + local + "-cdu" + (c + 1),
              name + " CDU " + (c + 1),
              hallId,
              pos,
              new Size(1.2, 1.2, 2.0),
              hall.index(),
              h.cduCapacityKw(),
              ns + config.cooling().warmWaterLoop().id()));
    }
    for (int r = 0; r < h.rows(); r++) {
      addRow(hall, local, r, firstCdu + r * h.cdus() / h.rows());
    }
  }

  private void addRow(Assets.Hall hall, String hallLocal, int r, int cduIndex) {
    HallConfig h = hall.config();
    String rowLocal = hallLocal + String.format("-r%02d", r + 1);
    double y = Layout.HALL_MARGIN_M + r * Layout.ROW_PITCH_M;
    Position rowPos = hall.position().plus(Layout.HALL_MARGIN_M, y, 0);
    double rowLength = h.racksPerRow() * Layout.RACK_WIDTH_M;
    rows.add(
        new Assets.Row(
            ns + rowLocal,
            hall.name() + " row " + (r + 1),
            hall.id(),
            rowPos,
            new Size(rowLength, Layout.RACK_DEPTH_M, Layout.RACK_HEIGHT_M)));
    for (int k = 0; k < h.racksPerRow(); k++) {
      String rackLocal = rowLocal + String.format("-k%02d", k + 1);
      Position rackPos = rowPos.plus(k * Layout.RACK_WIDTH_M, 0, 0);
      Assets.Cdu cdu = cdus.get(cduIndex);
      Assets.Rack rack =
          new Assets.Rack(
              ns + rackLocal,
              rackLocal,
              ns + rowLocal,
              rackPos,
              new Size(Layout.RACK_WIDTH_M, Layout.RACK_DEPTH_M, Layout.RACK_HEIGHT_M),
              hall.index(),
              cduIndex,
              cdu.id(),
              h.serversPerRack());
      racks.add(rack);
      addServers(hall, rack, rackLocal);
    }
  }

  private void addServers(Assets.Hall hall, Assets.Rack rack, String rackLocal) {
    ServerModelConfig model = hall.serverModel();
    double heightM = model.heightU() * Layout.RACK_UNIT_M;
    Size size = new Size(Layout.RACK_WIDTH_M * 0.8, Layout.RACK_DEPTH_M * 0.9, heightM);
    for (int s = 0; s < rack.serverCount(); s++) {
      String local = rackLocal + String.format("-s%02d", s + 1);
      // Servers fill the rack from the bottom, leaving 2U at the floor for the manifold.
      Position pos = rack.position().plus(0, 0, (2 + s * model.heightU()) * Layout.RACK_UNIT_M);
      servers.add(
          new Assets.Server(ns + local, local, rack.id(), pos, size, racks.size() - 1, model));
    }
  }

  private static Size orNone(Size s) {
    return s == null ? Size.NONE : s;
  }
}
