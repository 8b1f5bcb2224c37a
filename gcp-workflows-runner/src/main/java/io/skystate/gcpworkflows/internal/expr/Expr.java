package io.skystate.gcpworkflows.internal.expr;

import java.util.List;

/**
 * The syntax tree of a Workflows expression (the text inside {@code ${...}}), following
 * https://cloud.google.com/workflows/docs/reference/syntax/expressions. Immutable.
 */
public sealed interface Expr permits Expr.Literal, Expr.Variable, Expr.Member, Expr.Index, Expr.Call, Expr.Unary,
        Expr.Binary, Expr.ListLiteral, Expr.MapLiteral {

    /** A constant: null, Boolean, Long, Double or String. */
    record Literal(Object value) implements Expr {
    }

    record Variable(String name) implements Expr {
    }

    /** {@code target.name}: map access by a fixed key. */
    record Member(Expr target, String name) implements Expr {
    }

    /** {@code target[index]}: list access by integer, map access by string. */
    record Index(Expr target, Expr index) implements Expr {
    }

    /** A call of a standard library function or subworkflow by its dotted name. */
    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code -x} or {@code not x}. */
    record Unary(String operator, Expr operand) implements Expr {
    }

    /** Arithmetic, comparison, {@code in}, {@code and}, {@code or}. */
    record Binary(String operator, Expr left, Expr right) implements Expr {
    }

    record ListLiteral(List<Expr> items) implements Expr {
        public ListLiteral {
            items = List.copyOf(items);
        }
    }

    /** A map literal; keys are expressions that must evaluate to strings. */
    record MapLiteral(List<Expr> keys, List<Expr> values) implements Expr {
        public MapLiteral {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
        }
    }

    /** {@code a.b.c} for a chain of variable and member names, or null for any other expression. */
    static String dottedName(Expr expr) {
        if (expr instanceof Variable variable) {
            return variable.name();
        }
        if (expr instanceof Member member) {
            String prefix = dottedName(member.target());
            return prefix == null ? null : prefix + "." + member.name();
        }
        return null;
    }
}
