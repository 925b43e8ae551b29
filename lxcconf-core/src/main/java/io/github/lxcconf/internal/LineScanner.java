package io.github.lxcconf.internal;

import io.github.lxcconf.grammar.internal.LxcConfLexer;
import io.github.lxcconf.grammar.internal.LxcConfParser;
import io.github.lxcconf.grammar.internal.LxcConfParserBaseListener;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Runs the ANTLR lexer and parser over a source string and records the shape
 * of every line in a {@link RawLines}. The parse tree is not built: a parse
 * listener copies token offsets as each line ends, and an unbuffered token
 * stream keeps only the tokens of the line being read, so no token or
 * context outlives its line. ANTLR's console error listeners are removed; the
 * grammar accepts every token sequence the lexer produces, and if it ever did
 * not, the scan bails out and the caller falls back to plain line splitting.
 */
final class LineScanner extends LxcConfParserBaseListener {
    private final LxcConfParser parser;
    private final RawLines out;
    private int cursor;

    private LineScanner(LxcConfParser parser, RawLines out) {
        this.parser = parser;
        this.out = out;
    }

    /**
     * Scans the text into raw lines.
     *
     * @param text the source, without a byte-order mark
     * @return the raw lines, or {@code null} if the grammar rejected the tokens (a bug)
     */
    static RawLines scan(String text) {
        LxcConfLexer lexer = new LxcConfLexer(new Utf16CharStream(text));
        lexer.removeErrorListeners();
        LxcConfParser parser = new LxcConfParser(new UnbufferedTokenStream<>(lexer, 64));
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.setBuildParseTree(false);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        RawLines raw = new RawLines(text.length() / 40);
        LineScanner scanner = new LineScanner(parser, raw);
        parser.addParseListener(scanner);
        try {
            parser.config();
        } catch (IllegalStateException e) { // ParseCancellationException from the bail strategy
            return null;
        }
        return raw;
    }

    @Override
    public void visitTerminal(TerminalNode node) {
        // Tokens are attached to their context only because a listener is present; nothing reads them
        // there, so detach each at once and let it go.
        ((ParserRuleContext) node.getParent()).removeLastChild();
    }

    @Override
    public void exitLine(LxcConfParser.LineContext ctx) {
        int kind;
        int a = 0;
        int b = 0;
        int c = 0;
        int d = 0;
        if (ctx.key != null) {
            kind = RawLines.ENTRY;
            a = ctx.key.getStopIndex() + 1;
            if (ctx.sep != null) {
                b = ctx.sep.getStartIndex();
                if (ctx.value != null) {
                    c = ctx.value.getStartIndex();
                    d = ctx.value.getStopIndex() + 1;
                } else {
                    c = ctx.afterSep != null ? ctx.afterSep.getStopIndex() + 1 : b + 1;
                    d = c;
                }
            } else {
                b = -1;
                c = ctx.rest != null ? ctx.rest.getStartIndex() : a;
                d = ctx.rest != null ? ctx.rest.getStopIndex() + 1 : a;
            }
        } else if (ctx.hash != null) {
            kind = RawLines.COMMENT;
        } else if (ctx.open != null) {
            kind = RawLines.SECTION;
            int open = ctx.open.getStartIndex();
            a = open + 1;
            b = ctx.name != null ? ctx.name.getStopIndex() + 1 : open + 1;
            c = ctx.close != null ? ctx.close.getStartIndex() : -1;
            d = ctx.rest != null ? ctx.rest.getStartIndex() : -1;
        } else if (ctx.stray != null) {
            kind = RawLines.STRAY;
        } else {
            kind = RawLines.BLANK;
        }
        Token next = parser.getCurrentToken();
        int contentEnd = next.getStartIndex();
        int end = next.getType() == Token.EOF ? contentEnd : next.getStopIndex() + 1;
        if (end == cursor) {
            return; // the empty "line" after a final line end, or an empty input: no line at all
        }
        out.add(kind, cursor, ctx.indent != null ? ctx.indent.getStopIndex() + 1 : cursor, a, b, c, d, contentEnd,
                end);
        cursor = end;
    }
}
