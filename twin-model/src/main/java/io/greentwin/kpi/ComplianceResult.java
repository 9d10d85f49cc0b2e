package io.greentwin.kpi;

import io.greentwin.units.Require;
import java.util.List;

/**
 * Outcome of a compliance check.
 *
 * @param compliant whether every requirement is met
 * @param findings one line per requirement missed; empty when compliant
 */
public record ComplianceResult(boolean compliant, List<String> findings) {
  public ComplianceResult {
    findings = List.copyOf(findings);
    if (compliant != findings.isEmpty()) {
      throw Require.invalid("a result is compliant exactly when it has no findings");
    }
  }

  /** A result from its findings: compliant when there are none. */
  public static ComplianceResult of(List<String> findings) {
    return new ComplianceResult(findings.isEmpty(), findings);
  }
}
