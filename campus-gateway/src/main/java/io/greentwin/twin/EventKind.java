package io.greentwin.twin;

/** What happened to a twin, as Ditto's events name it ({@code things/twin/events/<action>}). */
public enum EventKind {
  CREATED("created"),
  MODIFIED("modified"),
  MERGED("merged"),
  DELETED("deleted");

  private final String action;

  EventKind(String action) {
    this.action = action;
  }

  /** The Ditto Protocol action, e.g. {@code modified}. */
  public String action() {
    return action;
  }

  /** The kind for a stored code (its ordinal never changes meaning). */
  public static EventKind ofCode(int code) {
    return values()[code];
  }
}
