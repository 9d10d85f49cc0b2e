package io.greentwin.solar;

/** How sky diffuse irradiance is carried onto a tilted plane. */
public enum TranspositionModel {
  /** Perez et al. (1990) anisotropic sky: circumsolar and horizon brightening. PVWatts default. */
  PEREZ,
  /** Liu &amp; Jordan (1963) isotropic sky: DHI (1 + cos β) / 2. */
  ISOTROPIC
}
