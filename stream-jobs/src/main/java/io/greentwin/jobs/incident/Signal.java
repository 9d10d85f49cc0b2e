package io.greentwin.jobs.incident;

/** What a condition says about its sensor. */
public enum Signal {
  /** Outside a limit, stuck, silent or short: the condition is the incident's own kind. */
  ABNORMAL,
  /** A flow well below its usual value. */
  FLOW_LOSS,
  /** A temperature well above its usual value. */
  TEMP_RISE
}
