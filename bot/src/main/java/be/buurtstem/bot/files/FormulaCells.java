package be.buurtstem.bot.files;

import java.util.regex.Pattern;

/**
 * Keeps a spreadsheet from running what a resident typed. A CSV cell that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return (or the full-width {@code ＝ ＋ － ＠}, which some spreadsheets fold to them)
 * is read by Excel, LibreOffice and Google Sheets as a formula: {@code =HYPERLINK(...)} in an answer becomes a live
 * link, {@code =cmd|...} a DDE call. Following OWASP's "CSV Injection" advice, such a cell is written with a leading
 * apostrophe (and quoted), which spreadsheets show as text.
 *
 * <p>Two exceptions keep the files usable: a cell that is just a number ({@code -3}, {@code +4.5}, {@code -1e3}) is
 * a number to a spreadsheet, not a formula, and is written as it is; and the prefix is reversible. Our own reader
 * drops one apostrophe from a cell that is one or more apostrophes followed by a formula character, and the writer
 * adds one to such a cell, so every text, including one that really begins with {@code '=}, comes back unchanged.
 */
public final class FormulaCells {
    private FormulaCells() {
    }

    /** A plain decimal number, which a spreadsheet reads as a number and never as a formula. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    static boolean isFormulaStart(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    /** One or more apostrophes, then a formula character: a cell our writer escaped (or one it will escape again). */
    private static boolean isEscaped(String cell) {
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i > 0 && i < cell.length() && isFormulaStart(cell.charAt(i));
    }

    /** The cell as it must be written so that no spreadsheet evaluates it. */
    public static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        if (isEscaped(cell) || (isFormulaStart(cell.charAt(0)) && !NUMBER.matcher(cell).matches())) {
            return "'" + cell;
        }
        return cell;
    }

    /** The cell's text as written before {@link #neutralise}: one escaping apostrophe removed. */
    public static String restore(String cell) {
        return isEscaped(cell) ? cell.substring(1) : cell;
    }
}
