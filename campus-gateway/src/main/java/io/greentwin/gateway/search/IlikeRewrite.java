package io.greentwin.gateway.search;

import java.util.BitSet;

/**
 * Lets Ditto 2.4's RQL parser accept {@code ilike} (case-insensitive {@code like}, added in Ditto
 * 3.x): every {@code ilike(} operator outside a string literal becomes {@code like(}, and the
 * ordinals of the rewritten operators (counting all {@code like}/{@code ilike} operators in
 * document order) are remembered. This is a lexical substitution of one operator name, not a
 * parser: the grammar, the values and the errors stay Ditto's. Remove it with the move to Ditto 3.
 */
record IlikeRewrite(String rql, BitSet caseInsensitive) {
  private static final String ILIKE = "ilike(";
  private static final String LIKE = "like(";

  static IlikeRewrite of(String rql) {
    StringBuilder out = new StringBuilder(rql.length());
    BitSet ilike = new BitSet();
    int ordinal = 0;
    char quote = 0;
    for (int i = 0; i < rql.length(); i++) {
      char c = rql.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == '\\' && i + 1 < rql.length()) {
          out.append(rql.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        out.append(c);
      } else if (startsOperator(rql, i, ILIKE)) {
        ilike.set(ordinal++);
        out.append(LIKE);
        i += ILIKE.length() - 1;
      } else if (startsOperator(rql, i, LIKE)) {
        ordinal++;
        out.append(LIKE);
        i += LIKE.length() - 1;
      } else {
        out.append(c);
      }
    }
    return new IlikeRewrite(out.toString(), ilike);
  }

  /** True when the {@code n}-th like operator (0-based, document order) was {@code ilike}. */
  boolean isCaseInsensitive(int n) {
    return caseInsensitive.get(n);
  }

  private static boolean startsOperator(String s, int i, String op) {
    if (!s.startsWith(op, i)) {
      return false;
    }
    if (i == 0) {
      return true;
    }
    char before = s.charAt(i - 1);
    return before == '(' || before == ',' || Character.isWhitespace(before);
  }
}
