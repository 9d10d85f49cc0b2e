package io.greentwin.jobs.incident;

/** How urgent an incident is, least to most. */
public enum Severity {
  INFO,
  WARNING,
  MINOR,
  MAJOR,
  CRITICAL
}
