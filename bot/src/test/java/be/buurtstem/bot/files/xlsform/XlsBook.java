package be.buurtstem.bot.files.xlsform;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A workbook built cell by cell as a spreadsheet program saves it: strings, numbers, booleans, formulas (with the
 * value the program showed, computed before saving) and error cells, so that a test can write a form the way
 * KoboToolbox and ODK users do, typed cells and all. {@code null} in a row is a blank cell; an empty row is a
 * blank line in the sheet.
 */
public final class XlsBook {
    /** A formula cell, e.g. {@code formula("CONCATENATE(\"How \",\"old?\")")}. */
    public record Formula(String text) {
    }

    /** An error cell such as {@code #DIV/0!}. */
    public record Error(FormulaError error) {
    }

    private record Named(String name, List<Object[]> rows) {
    }

    private final List<Named> sheets = new ArrayList<>();

    public static XlsBook book() {
        return new XlsBook();
    }

    public static Object[] row(Object... cells) {
        return cells;
    }

    public static Formula formula(String text) {
        return new Formula(text);
    }

    public XlsBook sheet(String name, Object[]... rows) {
        sheets.add(new Named(name, List.of(rows)));
        return this;
    }

    public byte[] bytes() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Named n : sheets) {
                Sheet s = wb.createSheet(n.name());
                for (int r = 0; r < n.rows().size(); r++) {
                    Object[] cells = n.rows().get(r);
                    if (cells.length == 0) {
                        continue; // a blank line between questions
                    }
                    Row row = s.createRow(r);
                    for (int c = 0; c < cells.length; c++) {
                        set(row, c, cells[c]);
                    }
                }
            }
            // the cached values a spreadsheet program stores with each formula (the importer reads only those)
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        switch (value) {
            case String s -> cell.setCellValue(s);
            case Number n -> cell.setCellValue(n.doubleValue());
            case Boolean b -> cell.setCellValue(b);
            case Formula f -> cell.setCellFormula(f.text());
            case Error e -> cell.setCellErrorValue(e.error().getCode());
            default -> throw new IllegalArgumentException("no cell for " + value.getClass());
        }
    }
}
