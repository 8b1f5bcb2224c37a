package io.skystate.cli.internal.output;

import java.io.PrintWriter;
import java.util.List;

/** Left-aligned columns separated by two spaces, with an upper-case header; a cell never wraps. */
final class TextTable {
    private TextTable() {
    }

    static void print(PrintWriter out, List<String> columns, List<List<String>> rows) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, columns.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList(), widths);
        rows.forEach(row -> line(out, row, widths));
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }
}
