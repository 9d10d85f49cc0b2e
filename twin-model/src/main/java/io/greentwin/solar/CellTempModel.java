package io.greentwin.solar;

/** How cell temperature follows irradiance, air temperature and wind. */
public enum CellTempModel {
  /** Sandia Array Performance Model (King et al. 2004): irradiance, air temperature and wind. */
  SAPM,
  /** Nominal operating cell temperature: linear in irradiance, no wind. */
  NOCT
}
