package io.greentwin.testsupport;

import java.awt.image.BufferedImage;

/** What a browser test asks of a screenshot. */
public final class Pixels {
  private Pixels() {}

  /**
   * The standard deviation of the luminance (ITU-R BT.601 weights) over every other pixel: near 0
   * for a blank or single-colour image, well above 8 for a drawn scene.
   */
  public static double luminanceStdDev(BufferedImage image) {
    double sum = 0;
    double sumSq = 0;
    int n = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        double l = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
        sum += l;
        sumSq += l * l;
        n++;
      }
    }
    double mean = sum / n;
    return Math.sqrt(sumSq / n - mean * mean);
  }
}
