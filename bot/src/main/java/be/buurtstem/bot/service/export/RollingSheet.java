package be.buurtstem.bot.service.export;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.util.List;

/**
 * A sheet that goes on in a new one ({@code answers}, {@code answers 2}, ...) with the same header when it is full:
 * a spreadsheet holds at most 1,048,576 rows, fewer than a big city's answers.
 */
final class RollingSheet {
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private final SXSSFWorkbook wb;
    private final String name;
    private final List<String> header;
    private final int maxRows;
    private Sheet sheet;
    private int parts;
    private int next;

    RollingSheet(SXSSFWorkbook wb, String name, List<String> header) {
        this(wb, name, header, MAX_ROWS);
    }

    RollingSheet(SXSSFWorkbook wb, String name, List<String> header, int maxRows) {
        this.wb = wb;
        this.name = name;
        this.header = header;
        this.maxRows = maxRows;
        start();
    }

    private void start() {
        parts++;
        sheet = wb.createSheet(parts == 1 ? name : name + " " + parts);
        Row row = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            row.createCell(i).setCellValue(header.get(i));
        }
        next = 1;
    }

    /** The next row, on a new sheet when this one is full. */
    Row next() {
        if (next == maxRows) {
            start();
        }
        return sheet.createRow(next++);
    }
}
