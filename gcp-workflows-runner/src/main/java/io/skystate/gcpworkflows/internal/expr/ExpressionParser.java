package io.skystate.gcpworkflows.internal.expr;

import io.skystate.gcpworkflows.internal.expr.Lexer.Kind;
import io.skystate.gcpworkflows.internal.expr.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses expression text into an {@link Expr}. Operator precedence follows the table at
 * https://cloud.google.com/workflows/docs/reference/syntax/datatypes (order of operations): parentheses, member
 * and index access, {@code not}, unary minus, {@code * / // %}, {@code + -}, comparisons and {@code in},
 * {@code and}, {@code or}. Logical operators are lower- or upper-case; boolean literals are
 * {@code true/True/TRUE} and {@code false/False/FALSE}. Not thread-safe; use {@link #parse(String)}.
 */
public final class ExpressionParser {
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE");

    private final List<Token> tokens;
    private int index;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Expr parse(String text) throws ExpressionSyntaxException {
        ExpressionParser parser = new ExpressionParser(new Lexer(text).tokens());
        Expr expr = parser.or();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw new ExpressionSyntaxException("unexpected '" + describe(rest) + "'", rest.offset());
        }
        return expr;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token advance() {
        return tokens.get(index++);
    }

    private boolean acceptWord(String lower) {
        Token token = peek();
        if (token.kind() == Kind.IDENTIFIER
                && (token.text().equals(lower) || token.text().equals(lower.toUpperCase(java.util.Locale.ROOT)))) {
            index++;
            return true;
        }
        return false;
    }

    private boolean acceptOperator(String operator) {
        if (peek().kind() == Kind.OPERATOR && peek().text().equals(operator)) {
            index++;
            return true;
        }
        return false;
    }

    private void expectOperator(String operator) throws ExpressionSyntaxException {
        if (!acceptOperator(operator)) {
            Token token = peek();
            throw new ExpressionSyntaxException("expected '" + operator + "' but found '" + describe(token) + "'",
                    token.offset());
        }
    }

    private Expr or() throws ExpressionSyntaxException {
        Expr left = and();
        while (acceptWord("or")) {
            left = new Expr.Binary("or", left, and());
        }
        return left;
    }

    private Expr and() throws ExpressionSyntaxException {
        Expr left = comparison();
        while (acceptWord("and")) {
            left = new Expr.Binary("and", left, comparison());
        }
        return left;
    }

    private Expr comparison() throws ExpressionSyntaxException {
        Expr left = additive();
        while (true) {
            Token token = peek();
            if (token.kind() == Kind.OPERATOR && COMPARISONS.contains(token.text())) {
                index++;
                left = new Expr.Binary(token.text(), left, additive());
            } else if (token.kind() == Kind.IDENTIFIER && token.text().equals("in")) {
                index++;
                left = new Expr.Binary("in", left, additive());
            } else {
                return left;
            }
        }
    }

    private Expr additive() throws ExpressionSyntaxException {
        Expr left = multiplicative();
        while (true) {
            if (acceptOperator("+")) {
                left = new Expr.Binary("+", left, multiplicative());
            } else if (acceptOperator("-")) {
                left = new Expr.Binary("-", left, multiplicative());
            } else {
                return left;
            }
        }
    }

    private Expr multiplicative() throws ExpressionSyntaxException {
        Expr left = unary();
        while (true) {
            Token token = peek();
            if (token.kind() == Kind.OPERATOR && Set.of("*", "/", "//", "%").contains(token.text())) {
                index++;
                left = new Expr.Binary(token.text(), left, unary());
            } else {
                return left;
            }
        }
    }

    private Expr unary() throws ExpressionSyntaxException {
        if (acceptWord("not")) {
            return new Expr.Unary("not", unary());
        }
        if (acceptOperator("-")) {
            return new Expr.Unary("-", unary());
        }
        return postfix();
    }

    private Expr postfix() throws ExpressionSyntaxException {
        Expr expr = primary();
        while (true) {
            Token token = peek();
            if (acceptOperator(".")) {
                Token name = advance();
                if (name.kind() != Kind.IDENTIFIER) {
                    throw new ExpressionSyntaxException("expected a name after '.'", name.offset());
                }
                expr = new Expr.Member(expr, name.text());
            } else if (acceptOperator("[")) {
                Expr key = or();
                expectOperator("]");
                expr = new Expr.Index(expr, key);
            } else if (acceptOperator("(")) {
                String function = Expr.dottedName(expr);
                if (function == null) {
                    throw new ExpressionSyntaxException("only named functions can be called", token.offset());
                }
                expr = new Expr.Call(function, arguments());
            } else {
                return expr;
            }
        }
    }

    private List<Expr> arguments() throws ExpressionSyntaxException {
        List<Expr> args = new ArrayList<>();
        if (acceptOperator(")")) {
            return args;
        }
        do {
            args.add(or());
        } while (acceptOperator(","));
        expectOperator(")");
        return args;
    }

    private Expr primary() throws ExpressionSyntaxException {
        Token token = advance();
        switch (token.kind()) {
            case INTEGER:
            case DOUBLE:
            case STRING:
                return new Expr.Literal(token.value());
            case IDENTIFIER:
                if (TRUE.contains(token.text())) {
                    return new Expr.Literal(Boolean.TRUE);
                } else if (FALSE.contains(token.text())) {
                    return new Expr.Literal(Boolean.FALSE);
                } else if (token.text().equals("null")) {
                    return new Expr.Literal(null);
                }
                return new Expr.Variable(token.text());
            case OPERATOR:
                if (token.text().equals("(")) {
                    Expr inner = or();
                    expectOperator(")");
                    return inner;
                } else if (token.text().equals("[")) {
                    return listLiteral();
                } else if (token.text().equals("{")) {
                    return mapLiteral();
                }
                break;
            default:
                break;
        }
        throw new ExpressionSyntaxException(token.kind() == Kind.END ? "unexpected end of expression"
                : "unexpected '" + describe(token) + "'", token.offset());
    }

    private Expr listLiteral() throws ExpressionSyntaxException {
        List<Expr> items = new ArrayList<>();
        if (!acceptOperator("]")) {
            do {
                items.add(or());
            } while (acceptOperator(","));
            expectOperator("]");
        }
        return new Expr.ListLiteral(items);
    }

    private Expr mapLiteral() throws ExpressionSyntaxException {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        if (!acceptOperator("}")) {
            do {
                keys.add(or());
                expectOperator(":");
                values.add(or());
            } while (acceptOperator(","));
            expectOperator("}");
        }
        return new Expr.MapLiteral(keys, values);
    }

    private static String describe(Token token) {
        return token.kind() == Kind.STRING ? "\"" + token.value() + "\"" : token.text();
    }
}
