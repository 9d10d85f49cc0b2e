package io.greentwin.campus;

/**
 * A data hall template: {@code rows} x {@code racksPerRow} racks of {@code serversPerRack} servers
 * of one model, cooled by {@code cdus} coolant distribution units that split the rows between them.
 */
public record HallConfig(
    String id,
    String name,
    PlanPosition position,
    String serverModel,
    String workloadProfile,
    int rows,
    int racksPerRow,
    int serversPerRack,
    int cdus,
    double cduCapacityKw) {}
