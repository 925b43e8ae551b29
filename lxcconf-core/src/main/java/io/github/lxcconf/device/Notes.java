package io.github.lxcconf.device;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Notes on the lines that decided, listed in the order liblxc applies the lines. */
final class Notes {
    private record Note(Step step, String text) {
    }

    private final List<Note> notes = new ArrayList<>();

    void add(Step step, String text) {
        notes.add(new Note(step, text));
    }

    List<DecidingLine> lines() {
        return notes.stream().sorted(Comparator.comparingInt(n -> n.step().index()))
                .map(n -> n.step().note(n.text())).toList();
    }
}
