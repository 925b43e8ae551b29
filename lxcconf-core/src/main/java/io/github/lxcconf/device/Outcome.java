package io.github.lxcconf.device;

import java.util.List;
import java.util.Optional;

/** What one device controller decided: granted or not, why, the lines that decided, and a start failure. */
record Outcome(boolean granted, String reason, List<DecidingLine> lines, Optional<String> startFailure) {
}
