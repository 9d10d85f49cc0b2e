package io.greentwin.kpi;

/** Energy-efficiency grades of GB 40879-2021 for data centres, by PUE. */
public enum PueGrade {
  /** Grade 1, the best. */
  GRADE_1,
  GRADE_2,
  /** Grade 3, the mandatory limit. */
  GRADE_3,
  /** Worse than the grade 3 limit: not compliant. */
  ABOVE_LIMIT
}
