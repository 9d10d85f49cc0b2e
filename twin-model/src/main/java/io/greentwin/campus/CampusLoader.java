package io.greentwin.campus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code campus.yaml} into a {@link CampusConfig}. */
public final class CampusLoader {
  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** Loads and validates a campus config file. */
  public CampusConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new GreenTwinException(
          ErrorCode.CONFIG_NOT_FOUND, file + ": no such file", "campus config not found", null);
    }
    try {
      return yaml.readValue(file.toFile(), CampusConfig.class);
    } catch (IOException e) {
      throw new GreenTwinException(
          ErrorCode.CONFIG_INVALID, file + ": " + e.getMessage(), "campus config is invalid", e);
    }
  }

  /** Loads a campus config file and expands it into every asset. */
  public Campus loadCampus(Path file) {
    return CampusExpander.expand(load(file));
  }
}
