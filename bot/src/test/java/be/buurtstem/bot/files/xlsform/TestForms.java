package be.buurtstem.bot.files.xlsform;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small XLSForms written in the test as text, one sheet per block: the sheet name, then its rows with cells
 * separated by {@code |} (the first row is the header). Written with POI as a spreadsheet program would.
 */
public final class TestForms {
    private TestForms() {
    }

    /** {@code xlsx("survey", "type | name | label\ntext | a | A", "choices", "...")}. */
    public static byte[] xlsx(String... sheetsAndRows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < sheetsAndRows.length; i += 2) {
                Sheet s = wb.createSheet(sheetsAndRows[i]);
                String[] lines = sheetsAndRows[i + 1].strip().split("\n");
                for (int r = 0; r < lines.length; r++) {
                    Row row = s.createRow(r);
                    String[] cells = lines[r].split("\\|", -1);
                    for (int c = 0; c < cells.length; c++) {
                        if (!cells[c].isBlank()) {
                            row.createCell(c).setCellValue(cells[c].strip());
                        }
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, String... sheetsAndRows) throws IOException {
        Files.write(file, xlsx(sheetsAndRows));
        return file;
    }
}
