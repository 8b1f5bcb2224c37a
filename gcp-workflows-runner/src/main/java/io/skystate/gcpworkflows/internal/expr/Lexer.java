package io.skystate.gcpworkflows.internal.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens. Not thread-safe; one instance per expression. */
final class Lexer {
    enum Kind { INTEGER, DOUBLE, STRING, IDENTIFIER, OPERATOR, END }

    record Token(Kind kind, String text, Object value, int offset) {
        boolean is(String operatorOrWord) {
            return (kind == Kind.OPERATOR || kind == Kind.IDENTIFIER) && text.equals(operatorOrWord);
        }
    }

    private static final String[] OPERATORS = {"//", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "<", ">", "(",
        ")", "[", "]", "{", "}", ",", ".", ":"};

    private final String text;
    private int position;

    Lexer(String text) {
        this.text = text;
    }

    List<Token> tokens() throws ExpressionSyntaxException {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (position >= text.length()) {
                tokens.add(new Token(Kind.END, "", null, position));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private Token next() throws ExpressionSyntaxException {
        int start = position;
        char c = text.charAt(position);
        if (c == '"' || c == '\'') {
            return new Token(Kind.STRING, null, readString(c), start);
        }
        if (Character.isDigit(c)) {
            return readNumber(start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (position < text.length()
                    && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
                position++;
            }
            return new Token(Kind.IDENTIFIER, text.substring(start, position), null, start);
        }
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, position)) {
                position += operator.length();
                return new Token(Kind.OPERATOR, operator, null, start);
            }
        }
        throw new ExpressionSyntaxException("unexpected character '" + c + "'", start);
    }

    private Token readNumber(int start) throws ExpressionSyntaxException {
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        boolean isDouble = false;
        if (position + 1 < text.length() && text.charAt(position) == '.'
                && Character.isDigit(text.charAt(position + 1))) {
            isDouble = true;
            position++;
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            int mark = position;
            position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            if (position < text.length() && Character.isDigit(text.charAt(position))) {
                isDouble = true;
                while (position < text.length() && Character.isDigit(text.charAt(position))) {
                    position++;
                }
            } else {
                position = mark;
            }
        }
        String literal = text.substring(start, position);
        if (isDouble) {
            return new Token(Kind.DOUBLE, literal, Double.parseDouble(literal), start);
        }
        try {
            return new Token(Kind.INTEGER, literal, Long.parseLong(literal), start);
        } catch (NumberFormatException e) {
            throw new ExpressionSyntaxException("integer literal out of 64-bit range: " + literal, start);
        }
    }

    private String readString(char quote) throws ExpressionSyntaxException {
        int start = position;
        position++;
        StringBuilder out = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position >= text.length()) {
                break;
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        throw new ExpressionSyntaxException("truncated \\u escape", position - 2);
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    } catch (NumberFormatException e) {
                        throw new ExpressionSyntaxException("malformed \\u escape", position - 2);
                    }
                    position += 4;
                }
                default -> out.append(escaped);
            }
        }
        throw new ExpressionSyntaxException("unterminated string literal", start);
    }
}
