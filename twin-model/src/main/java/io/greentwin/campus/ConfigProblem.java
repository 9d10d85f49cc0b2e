package io.greentwin.campus;

import java.util.Comparator;

/**
 * One thing wrong with a campus config: where (the path in the config, e.g. {@code
 * buildings[0].halls[1].serverModel}, and the YAML line and column when known, else 0), what is
 * wrong and what would be allowed instead.
 */
record ConfigProblem(String path, int line, int column, String problem, String allowed) {

  /** Orders problems as they appear in the file; problems without a location come last. */
  static final Comparator<ConfigProblem> IN_FILE_ORDER =
      Comparator.comparingInt((ConfigProblem p) -> p.line == 0 ? Integer.MAX_VALUE : p.line)
          .thenComparingInt(ConfigProblem::column)
          .thenComparing(ConfigProblem::path);

  /**
   * {@code file:line:column: path: problem; allowed: allowed}, without line:column when unknown.
   */
  String format(String file) {
    String where = line > 0 ? file + ":" + line + ":" + column : file;
    return where + ": " + path + ": " + problem + "; allowed: " + allowed;
  }
}
