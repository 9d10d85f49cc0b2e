package io.greentwin.jobs.kpi;

import java.io.Serializable;

/**
 * Where one sensor's integrated energy goes: which hall, building or site it is counted at, and as
 * what.
 *
 * @param levelId the thing id of the hall, building or site
 * @param quantity what it contributes
 */
public record KpiInput(String levelId, Quantity quantity) implements Serializable {}
