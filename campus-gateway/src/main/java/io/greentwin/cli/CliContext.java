package io.greentwin.cli;

import java.io.OutputStream;
import java.time.Clock;

/**
 * What commands get from the composition root: the byte stream behind standard output (commands
 * that stream data write bytes, not characters), the clock, and whether a person is watching a
 * terminal (progress bars only then).
 */
public record CliContext(OutputStream stdout, Clock clock, boolean interactive) {}
