package be.buurtstem.bot.files.xlsform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One sheet of an XLSForm as plain strings: the header row's column names (lower case, {@code label:English}
 * written as {@code label::English}, {@code list name} as {@code list_name}) and the data rows with their row
 * numbers as the spreadsheet shows them (1-based), so that every problem can say {@code FILE:SHEET:ROW}.
 *
 * @param name    the sheet's name as written in the workbook (case kept for messages)
 * @param columns normalised column name → 0-based column index, in sheet order
 * @param headers 0-based column index → normalised column name
 * @param rows    the rows below the header that hold anything
 * @param broken  the cells that show a spreadsheet error ({@code #DIV/0!}, {@code #REF!}), read as blank
 */
record Sheet(String name, Map<String, Integer> columns, Map<Integer, String> headers, List<Row> rows, List<Broken> broken) {

    Sheet {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        rows = List.copyOf(rows);
        broken = List.copyOf(broken);
    }

    Sheet(String name, Map<String, Integer> columns, Map<Integer, String> headers, List<Row> rows) {
        this(name, columns, headers, rows, List.of());
    }

    /** A cell showing an error: its row (1-based), column letter and what the spreadsheet shows. */
    record Broken(int row, String column, String shown) {
    }

    /** One data row: its spreadsheet row number and its cells by normalised column name (blank cells left out). */
    record Row(int number, Map<String, String> cells) {
        Row {
            cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }

        /** The trimmed cell, or "" when the column is absent or the cell is blank. */
        String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v;
        }

        boolean has(String column) {
            return !get(column).isEmpty();
        }
    }

    boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    /** Columns whose name starts with {@code prefix + "::"} (e.g. every {@code label::…}), in sheet order. */
    List<String> translated(String prefix) {
        List<String> out = new ArrayList<>();
        for (String c : columns.keySet()) {
            if (c.startsWith(prefix + "::")) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The normal form of a header cell: trimmed, lower case, {@code label:English} (pyxform's older single colon)
     * as {@code label::English}, spaces inside the base name as underscores ({@code list name}). The language part
     * after {@code ::} keeps its case, because {@code English (en)} is read as written.
     */
    static String normalise(String header) {
        String h = header.strip();
        int sep = h.indexOf("::");
        String base;
        String rest;
        if (sep >= 0) {
            base = h.substring(0, sep);
            rest = h.substring(sep + 2);
        } else if (h.indexOf(':') > 0 && !h.toLowerCase(Locale.ROOT).startsWith("jr:")) {
            int one = h.indexOf(':');
            base = h.substring(0, one);
            rest = h.substring(one + 1);
        } else {
            base = h;
            rest = null;
        }
        base = base.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
        return rest == null ? base : base + "::" + rest.strip();
    }
}
