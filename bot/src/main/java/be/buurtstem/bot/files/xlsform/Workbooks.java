package be.buurtstem.bot.files.xlsform;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an .xlsx workbook into {@link Sheet}s of strings with Apache POI. Formulas give their cached value (the
 * value the spreadsheet showed when it was saved), never a recalculation: nothing in an organiser's file runs.
 */
final class Workbooks {
    private Workbooks() {
    }

    /** The sheets by lower-case name (XLSForm sheet names are case-insensitive), or the reason the bytes are no workbook. */
    record Read(Map<String, Sheet> sheets, String refusal) {
    }

    /**
     * A file within the 1 MB questionnaire limit may still unpack to far more: POI refuses entries that compress
     * better than 1:100 (its zip-bomb check) and, set here, any part larger than 32 MB unpacked, before parsing it.
     */
    static {
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(32L * 1024 * 1024);
    }

    static Read read(byte[] bytes) {
        Map<String, Sheet> sheets = new LinkedHashMap<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            DataFormatter format = new DataFormatter(Locale.ROOT);
            for (org.apache.poi.ss.usermodel.Sheet s : wb) {
                sheets.putIfAbsent(s.getSheetName().strip().toLowerCase(Locale.ROOT), sheet(s, format));
            }
        } catch (IOException | RuntimeException e) {
            // POI says "zip bomb", "not OOXML", "invalid header signature" ...: one line for the organiser
            return new Read(Map.of(), "the file is not an Excel workbook (.xlsx) that can be read ("
                    + Optional.ofNullable(e.getMessage()).map(m -> m.lines().findFirst().orElse("")).orElse(e.getClass().getSimpleName()) + ")");
        }
        return new Read(sheets, null);
    }

    private static Sheet sheet(org.apache.poi.ss.usermodel.Sheet s, DataFormatter format) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<Integer, String> headers = new LinkedHashMap<>();
        List<Sheet.Row> rows = new ArrayList<>();
        List<Sheet.Broken> broken = new ArrayList<>();
        boolean headerSeen = false;
        for (org.apache.poi.ss.usermodel.Row r : s) {
            Map<Integer, String> values = new LinkedHashMap<>();
            for (Cell c : r) {
                String shown = error(c);
                if (shown != null) {
                    broken.add(new Sheet.Broken(r.getRowNum() + 1, new org.apache.poi.ss.util.CellReference(c).formatAsString(false)
                            .replaceAll("[0-9]", ""), shown));
                    continue;
                }
                String v = value(c, format);
                if (!v.isEmpty()) {
                    values.put(c.getColumnIndex(), v);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                values.forEach((i, v) -> {
                    String name = Sheet.normalise(v);
                    headers.put(i, name);
                    columns.putIfAbsent(name, i);
                });
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            values.forEach((i, v) -> cells.put(headers.getOrDefault(i, "#" + i), v));
            rows.add(new Sheet.Row(r.getRowNum() + 1, cells));
        }
        return new Sheet(s.getSheetName(), columns, headers, rows, broken);
    }

    /** What the spreadsheet shows for an error cell or a formula whose saved result is an error, else null. */
    private static String error(Cell c) {
        boolean formula = c.getCellType() == CellType.FORMULA;
        CellType t = formula ? c.getCachedFormulaResultType() : c.getCellType();
        if (t != CellType.ERROR) {
            return null;
        }
        try {
            return org.apache.poi.ss.usermodel.FormulaError.forInt(c.getErrorCellValue()).getString();
        } catch (RuntimeException e) {
            return "#ERROR";
        }
    }

    private static String value(Cell c, DataFormatter format) {
        CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        String v = switch (t) {
            case STRING -> c.getRichStringCellValue().getString();
            case BOOLEAN -> c.getBooleanCellValue() ? "TRUE" : "FALSE";
            case NUMERIC -> number(c.getNumericCellValue());
            default -> c.getCellType() == CellType.FORMULA ? "" : format.formatCellValue(c);
        };
        return v == null ? "" : v.strip();
    }

    /** 2.0 as "2", 1.5 as "1.5": numbers typed into a cell (a repeat count, a choice name 1). */
    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
