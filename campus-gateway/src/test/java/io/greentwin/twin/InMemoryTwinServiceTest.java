package io.greentwin.twin;

import java.time.Clock;

class InMemoryTwinServiceTest extends TwinServiceContract {
  @Override
  protected TwinService create(Clock clock) {
    return new InMemoryTwinService(clock);
  }
}
