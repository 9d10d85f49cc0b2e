package io.greentwin.kpi;

/** Kinds of contractual instrument a market-based Scope 2 figure may use (GHG Protocol). */
public enum InstrumentType {
  /** Green electricity certificate (绿证, GEC) or another energy attribute certificate. */
  GREEN_CERTIFICATE,
  /** Power purchase agreement with its attributes bundled. */
  PPA
}
