package be.buurtstem.bot.service.export;

import be.buurtstem.analysis.coding.Codebook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.ReadingOrder;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * XLSX, written with POI's streaming SXSSF (100 rows per sheet in memory, the rest in compressed temporary files
 * that {@link SXSSFWorkbook#close} removes; inline strings, no shared-strings table growing with the answers).
 * Sheets: {@code answers} (the columns of {@link ExportColumns}, numbers and booleans typed), {@code themes} (one row
 * per theme of an answer; both go on in {@code answers 2}, ... past a sheet's 1,048,576 rows), {@code codebook} (every theme's label and description in every codebook language) and
 * {@code frequencies} (answers per theme per segment value: language, channel, block and the segment fields).
 * A text whose first strong letter is right-to-left (Arabic, Hebrew) gets a right-to-left, right-aligned cell.
 */
final class XlsxExport implements ExportFormat {
    /** Excel's largest cell text; a longer one would make POI refuse the whole file. */
    static final int MAX_CELL = 32_767;
    private final int maxRows;

    XlsxExport() {
        this(RollingSheet.MAX_ROWS);
    }

    /** With fewer rows per sheet (tests: a second answers sheet without a million rows). */
    XlsxExport(int maxRows) {
        this.maxRows = maxRows;
    }

    @Override
    public String name() {
        return "xlsx";
    }

    @Override
    public String extension() {
        return ".xlsx";
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    public void write(ExportSource source, OutputStream out) throws IOException {
        ExportColumns columns = new ExportColumns(source.segmentNames());
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            wb.setCompressTempFiles(true);
            CellStyle rtl = rtlStyle(wb);
            RollingSheet answers = new RollingSheet(wb, "answers", columns.names(), maxRows);
            RollingSheet themes = new RollingSheet(wb, "themes",
                    List.of("id", "questionnaire", "question", "language", "theme", "score", "confirmed"), maxRows);
            Sheet codebook = wb.createSheet("codebook");
            Sheet frequencies = wb.createSheet("frequencies");
            Frequencies counts = new Frequencies(columns.segments());
            source.each(r -> {
                answerRow(answers.next(), columns, r, rtl);
                if (r.themes() != null) {
                    for (String t : r.themes()) {
                        Row row = themes.next();
                        text(row, 0, r.id(), null);
                        text(row, 1, r.questionnaire(), null);
                        text(row, 2, r.question(), null);
                        text(row, 3, r.language(), null);
                        text(row, 4, t, null);
                        Double s = r.scores().get(t);
                        if (s != null) {
                            row.createCell(5).setCellValue(ExportColumns.round(s).doubleValue());
                        }
                        row.createCell(6).setCellValue(r.reviewed());
                    }
                }
                counts.add(r);
            });
            codebookSheet(codebook, source.codebook(), rtl);
            counts.write(frequencies);
            wb.write(out);
        }
    }

    private static void answerRow(Row row, ExportColumns columns, ExportRow r, CellStyle rtl) {
        List<String> cells = columns.cells(r);
        List<String> names = columns.names();
        for (int i = 0; i < names.size(); i++) {
            String c = cells.get(i);
            if (c.isEmpty()) {
                continue;
            }
            switch (names.get(i)) {
                case "version" -> row.createCell(i).setCellValue(r.version());
                case "round" -> row.createCell(i).setCellValue(r.round());
                case "latitude" -> row.createCell(i).setCellValue(r.latitude());
                case "longitude" -> row.createCell(i).setCellValue(r.longitude());
                case "confirmed" -> row.createCell(i).setCellValue(r.reviewed());
                case "value" -> {
                    if (r.value() instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (r.value() instanceof Boolean b) {
                        row.createCell(i).setCellValue(b);
                    } else {
                        text(row, i, c, rtl);
                    }
                }
                default -> text(row, i, c, rtl);
            }
        }
    }

    private static void codebookSheet(Sheet sheet, Codebook codebook, CellStyle rtl) {
        List<String> head = new ArrayList<>(List.of("theme"));
        for (String l : codebook.languages()) {
            head.add("label_" + l);
        }
        for (String l : codebook.languages()) {
            head.add("description_" + l);
        }
        header(sheet, head);
        int n = 1;
        for (Codebook.Theme t : codebook.themes()) {
            Row row = sheet.createRow(n++);
            text(row, 0, t.id(), null);
            int col = 1;
            for (String l : codebook.languages()) {
                text(row, col++, t.label().get(l), rtl);
            }
            for (String l : codebook.languages()) {
                text(row, col++, t.description() == null ? null : t.description().get(l), rtl);
            }
        }
    }

    private static void header(Sheet sheet, List<String> names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            row.createCell(i).setCellValue(names.get(i));
        }
    }

    /** A text cell (never a formula: a string cell is shown, not run), right-to-left when its text is. */
    static void text(Row row, int col, String value, CellStyle rtl) {
        if (value == null || value.isEmpty()) {
            return;
        }
        var cell = row.createCell(col);
        cell.setCellValue(value.length() > MAX_CELL ? value.substring(0, MAX_CELL - 1) + "…" : value);
        if (rtl != null && RightToLeft.is(value)) {
            cell.setCellStyle(rtl);
        }
    }

    private static CellStyle rtlStyle(SXSSFWorkbook wb) {
        CellStyle s = wb.createCellStyle();
        s.setAlignment(HorizontalAlignment.RIGHT);
        ((XSSFCellStyle) s).setReadingOrder(ReadingOrder.RIGHT_TO_LEFT);
        return s;
    }

    /** Coded answers per theme per segment value: small (fields × values × themes), whatever the export's size. */
    private static final class Frequencies {
        private final List<String> segments;
        private final Map<String, Map<String, Map<String, Long>>> themes = new TreeMap<>();
        private final Map<String, Map<String, Long>> coded = new TreeMap<>();

        Frequencies(List<String> segments) {
            this.segments = segments;
        }

        void add(ExportRow r) {
            if (r.themes() == null) {
                return;
            }
            count("language", r.language(), r.themes());
            count("channel", r.channel(), r.themes());
            count("block", r.block(), r.themes());
            for (String s : segments) {
                count(s, r.segments().get(s), r.themes());
            }
        }

        private void count(String field, String value, List<String> ts) {
            if (value == null || value.isEmpty()) {
                return;
            }
            coded.computeIfAbsent(field, k -> new TreeMap<>()).merge(value, 1L, Long::sum);
            Map<String, Long> byTheme = themes.computeIfAbsent(field, k -> new TreeMap<>())
                    .computeIfAbsent(value, k -> new TreeMap<>());
            ts.forEach(t -> byTheme.merge(t, 1L, Long::sum));
        }

        void write(Sheet sheet) {
            header(sheet, List.of("field", "value", "theme", "answers", "coded_answers", "share"));
            int n = 1;
            for (var field : themes.entrySet()) {
                for (var value : field.getValue().entrySet()) {
                    long total = coded.get(field.getKey()).get(value.getKey());
                    for (var theme : value.getValue().entrySet()) {
                        Row row = sheet.createRow(n++);
                        text(row, 0, field.getKey(), null);
                        text(row, 1, value.getKey(), null);
                        text(row, 2, theme.getKey(), null);
                        row.createCell(3).setCellValue(theme.getValue());
                        row.createCell(4).setCellValue(total);
                        row.createCell(5).setCellValue(
                                ExportColumns.round((double) theme.getValue() / total).doubleValue());
                    }
                }
            }
        }
    }
}
