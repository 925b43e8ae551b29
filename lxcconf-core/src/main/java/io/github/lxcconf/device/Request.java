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
        return touchedBy(n.type(), n.major(), n.minor());
    }

    /** Whether a rule of this type letter (a, b, c), major and minor (-1 for '*') takes in a device asked about. */
    boolean touchedBy(char ruleType, int ruleMajor, int ruleMinor) {
        return (ruleType == 'a' || ruleType == Step.letter(type)) && (ruleMajor < 0 || ruleMajor == major)
                && (ruleMinor < 0 || minor < 0 || ruleMinor == minor);
    }
}
