package io.github.lxcconf.proxmox;

import java.util.regex.Matcher;

/** The minor-number expression of a table row: digits, $N, + - * and parentheses. */
final class DeviceMinorExpression {
    private final String text;
    private final Matcher captures;
    private int at;

    DeviceMinorExpression(String text, Matcher captures) {
        this.text = text.replace(" ", "");
        this.captures = captures;
    }

    long evaluate() {
        long value = sum();
        if (at != text.length()) {
            throw new IllegalArgumentException("cannot read minor expression '" + text + "'");
        }
        return value;
    }

    private long sum() {
        long value = product();
        while (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
            char op = text.charAt(at++);
            long right = product();
            value = op == '+' ? value + right : value - right;
        }
        return value;
    }

    private long product() {
        long value = atom();
        while (at < text.length() && text.charAt(at) == '*') {
            at++;
            value *= atom();
        }
        return value;
    }

    private long atom() {
        if (at >= text.length()) {
            throw new IllegalArgumentException("cannot read minor expression '" + text + "'");
        }
        char c = text.charAt(at);
        if (c == '(') {
            at++;
            long value = sum();
            if (at >= text.length() || text.charAt(at) != ')') {
                throw new IllegalArgumentException("cannot read minor expression '" + text + "'");
            }
            at++;
            return value;
        }
        if (c == '$') {
            at++;
            int group = text.charAt(at++) - '0';
            return Long.parseLong(captures.group(group));
        }
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("cannot read minor expression '" + text + "'");
        }
        return Long.parseLong(text.substring(start, at));
    }
}
