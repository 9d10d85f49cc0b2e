package io.greentwin.twin;

/** How a write changes a twin, as Ditto's HTTP verbs and protocol actions do. */
public enum WriteKind {
  /** Create or replace the value at the path (HTTP PUT, protocol {@code create}/{@code modify}). */
  PUT,
  /** Apply an RFC 7396 JSON merge patch at the path (HTTP PATCH, protocol {@code merge}). */
  MERGE,
  /** Remove the value at the path, or the whole thing at {@code /} (HTTP DELETE). */
  DELETE
}
