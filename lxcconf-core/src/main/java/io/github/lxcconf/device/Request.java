package io.github.lxcconf.device;

import io.github.lxcconf.model.DeviceType;

/** The device asked about: type, major, minor (-1 for every minor of the major) and access mask (r=1, w=2, m=4). */
record Request(DeviceType type, int major, int minor, int mask) {

    /** Whether the rule's numbers take in every device asked about. */
    boolean coveredBy(Step.Numbers n) {
        return n.typeMatches(type) && (n.major() < 0 || n.major() == major)
                && (n.minor() < 0 || minor >= 0 && n.minor() == minor);
    }

    /** Whether the rule's numbers take in at least one device asked about. */
    boolean touchedBy(Step.Numbers n) {
        return n.typeMatches(type) && (n.major() < 0 || n.major() == major)
                && (n.minor() < 0 || minor < 0 || n.minor() == minor);
    }
}
