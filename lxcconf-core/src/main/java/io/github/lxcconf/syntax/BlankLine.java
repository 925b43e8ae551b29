package io.github.lxcconf.syntax;

/**
 * A line that holds nothing but spaces or tabs (or nothing at all).
 *
 * <pre>{@code
 * LxcConfig.parseText("\n").lines().get(0) instanceof BlankLine; // true
 * }</pre>
 */
public final class BlankLine extends Line {
    BlankLine(String src, int start, int contentEnd, int end) {
        super(src, start, contentEnd, contentEnd, end);
    }
}
