package io.greentwin.kpi;

import io.greentwin.units.Require;

/**
 * PUE thresholds of a graded efficiency standard, each grade's maximum PUE.
 *
 * @param grade1MaxPue grade 1: PUE at most this
 * @param grade2MaxPue grade 2: PUE at most this
 * @param grade3MaxPue grade 3, the limit: PUE at most this
 */
public record PueGradeLimits(double grade1MaxPue, double grade2MaxPue, double grade3MaxPue) {

  /**
   * GB 40879-2021, Maximum allowable values of energy efficiency and energy efficiency grades for
   * data centers: grade 1 ≤ 1.20, grade 2 ≤ 1.30, grade 3 (limit) ≤ 1.50.
   */
  public static final PueGradeLimits GB_40879_2021 = new PueGradeLimits(1.20, 1.30, 1.50);

  public PueGradeLimits {
    Require.positive("grade1MaxPue", grade1MaxPue);
    if (!(grade1MaxPue <= grade2MaxPue && grade2MaxPue <= grade3MaxPue)) {
      throw Require.invalid(
          "grade limits must not fall from grade 1 to 3: "
              + grade1MaxPue
              + ", "
              + grade2MaxPue
              + ", "
              + grade3MaxPue);
    }
  }

  /** The best grade a PUE reaches. */
  public PueGrade grade(double pue) {
    Require.positive("pue", pue);
    if (pue <= grade1MaxPue) {
      return PueGrade.GRADE_1;
    }
    if (pue <= grade2MaxPue) {
      return PueGrade.GRADE_2;
    }
    return pue <= grade3MaxPue ? PueGrade.GRADE_3 : PueGrade.ABOVE_LIMIT;
  }
}
