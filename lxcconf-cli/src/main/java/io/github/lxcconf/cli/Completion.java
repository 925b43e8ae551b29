package io.github.lxcconf.cli;

import java.util.ArrayList;
import java.util.List;

/** The values shell completion offers for options, spelt as the options accept them ({@code 6.0}, not {@code V6_0}). */
final class Completion {
    private Completion() {
    }

    /** liblxc release lines. */
    static final class LxcVersions extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        LxcVersions() {
            super(List.of("5.0", "6.0", "7.0"));
        }
    }

    /** Host cgroup layouts. */
    static final class HostCgroups extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        HostCgroups() {
            super(List.of("v2", "v1", "hybrid"));
        }
    }

    /** Dialects. */
    static final class Dialects extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Dialects() {
            super(List.of("lxc", "proxmox"));
        }
    }

    /** lint's output formats. */
    static final class LintFormats extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        LintFormats() {
            super(List.of("text", "json", "sarif"));
        }
    }

    /** explain's output formats. */
    static final class Formats extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Formats() {
            super(List.of("text", "json"));
        }
    }

    /** Severities that make lint fail. */
    static final class FailOns extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        FailOns() {
            super(List.of("error", "warning"));
        }
    }

    /** Severities, lowest first. */
    static final class Severities extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Severities() {
            super(List.of("info", "warning", "error"));
        }
    }

    /** When to colour. */
    static final class Colours extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Colours() {
            super(List.of("auto", "always", "never"));
        }
    }

    /** cgroup versions of device rules. */
    static final class CgroupVersions extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        CgroupVersions() {
            super(List.of("v2", "v1"));
        }
    }
}
