package io.github.drawnet.grading;

import java.util.List;

/**
 * The one writer of Drawnet's tables as CSV ({@code sweep.csv}, {@code grades.csv}), local and Spark
 * alike: RFC 4180 fields, a field quoted when it holds a comma (a network's layer sizes, {@code "8,4"}; a
 * list of features), a quote (doubled) or a line break; one {@code \n} after each row.
 */
public final class Csv {

    private Csv() {}

    /**
     * Returns the table as CSV: the header, then each row.
     *
     * @throws IllegalArgumentException when a row's length is not the header's, naming both
     */
    public static String of(List<String> header, List<? extends List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        row(sb, header);
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("a row of " + r.size() + " fields under a header of "
                        + header.size() + ": " + r);
            }
            row(sb, r);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        sb.append('\n');
    }

    /** Returns one field: quoted, its quotes doubled, when it holds a comma, a quote or a line break. */
    public static String field(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
