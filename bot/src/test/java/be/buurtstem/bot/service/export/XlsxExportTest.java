package be.buurtstem.bot.service.export;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ReadingOrder;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The XLSX export read back with POI, and opened by LibreOffice (Debian's libreoffice-calc-nogui, headless): it
 * converts each sheet to CSV and the workbook to XLSX again, which it does only with a file it can open. Skipped,
 * saying so, only where soffice is not installed (.ci/run installs it).
 */
class XlsxExportTest {
    static Path export(Path dir, long rows) throws IOException {
        Path file = dir.resolve("answers.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            ExportFormats.standard().of("xlsx").write(new SyntheticSource(rows), out);
        }
        return file;
    }

    @Test
    void poiReadsEverySheetTypedAndRightToLeft(@TempDir Path dir) throws IOException {
        Path file = export(dir, 24);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            assertEquals(4, wb.getNumberOfSheets());
            Sheet answers = wb.getSheet("answers");
            assertEquals(24, answers.getLastRowNum());
            List<String> header = new ArrayList<>();
            answers.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertEquals(new ExportColumns(List.of("age_band", "area")).names(), header);
            Row arabic = answers.getRow(7); // row 6 of the source: the Arabic wish
            var text = arabic.getCell(header.indexOf("text"));
            assertEquals(SyntheticSource.ARABIC, text.getStringCellValue());
            assertEquals(ReadingOrder.RIGHT_TO_LEFT, ((XSSFCellStyle) text.getCellStyle()).getReadingOrder());
            assertEquals(CellType.BOOLEAN, arabic.getCell(header.indexOf("confirmed")).getCellType());
            var dutch = answers.getRow(8).getCell(header.indexOf("text"));
            assertFalse(((XSSFCellStyle) dutch.getCellStyle()).getReadingOrder() == ReadingOrder.RIGHT_TO_LEFT);
            assertEquals(CellType.STRING, dutch.getCellType(), "a formula a resident typed stays text");
            assertEquals(CellType.NUMERIC, answers.getRow(3).getCell(header.indexOf("value")).getCellType());
            assertEquals(4.0, answers.getRow(3).getCell(header.indexOf("value")).getNumericCellValue());
            assertEquals("groen;verkeer", answers.getRow(2).getCell(header.indexOf("value")).getStringCellValue());
            Sheet themes = wb.getSheet("themes");
            assertEquals(3 * 3, themes.getLastRowNum(), "3 Arabic wishes × 2 themes + 3 Dutch × 1");
            Sheet codebook = wb.getSheet("codebook");
            assertEquals("theme", codebook.getRow(0).getCell(0).getStringCellValue());
            int arLabel = -1;
            for (var c : codebook.getRow(0)) {
                if (c.getStringCellValue().equals("label_ar")) {
                    arLabel = c.getColumnIndex();
                }
            }
            assertTrue(arLabel > 0);
            var ar = codebook.getRow(1).getCell(arLabel);
            assertEquals(ReadingOrder.RIGHT_TO_LEFT, ((XSSFCellStyle) ar.getCellStyle()).getReadingOrder());
            Sheet freq = wb.getSheet("frequencies");
            boolean found = false;
            for (Row r : freq) {
                if (r.getRowNum() > 0 && r.getCell(0).getStringCellValue().equals("language")
                        && r.getCell(1).getStringCellValue().equals("ar")
                        && r.getCell(2).getStringCellValue().equals("green_space")) {
                    assertEquals(3.0, r.getCell(3).getNumericCellValue());
                    assertEquals(1.0, r.getCell(5).getNumericCellValue());
                    found = true;
                }
            }
            assertTrue(found, "green_space counted per language");
        }
    }

    @Test
    void aFullSheetGoesOnInTheNext(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("small-sheets.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            new XlsxExport(10).write(new SyntheticSource(24), out); // a header and 9 answers per sheet
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            assertEquals(9, wb.getSheet("answers").getLastRowNum());
            assertEquals(9, wb.getSheet("answers 2").getLastRowNum());
            assertEquals(6, wb.getSheet("answers 3").getLastRowNum());
            assertEquals("id", wb.getSheet("answers 3").getRow(0).getCell(0).getStringCellValue());
            assertEquals("ref-23", wb.getSheet("answers 3").getRow(6).getCell(0).getStringCellValue());
        }
    }

    @Test
    void libreOfficeOpensItWithoutComplaint(@TempDir Path dir) throws Exception {
        Path soffice = soffice();
        Assumptions.assumeTrue(soffice != null,
                "soffice not installed (Debian package libreoffice-calc-nogui; .ci/run installs it): not checked");
        Path file = export(dir, 40);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        // each sheet to its own CSV (UTF-8, comma, quote), then the workbook to XLSX again
        run(soffice, dir, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", out.toString(), file.toString());
        run(soffice, dir, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out.resolve("again").toString(),
                file.toString());
        String answers = Files.readString(out.resolve("answers-answers.csv"), StandardCharsets.UTF_8);
        assertTrue(answers.startsWith("id,text,respondent,question"), answers);
        assertTrue(answers.contains(SyntheticSource.ARABIC), answers);
        assertTrue(answers.contains("=HYPERLINK"), "the formula text is there, as text: " + answers);
        assertTrue(answers.contains("groen;verkeer"));
        assertEquals(41, answers.lines().count(), "a header and 40 answers");
        String codebook = Files.readString(out.resolve("answers-codebook.csv"), StandardCharsets.UTF_8);
        assertTrue(codebook.contains("label_ar") && codebook.contains("green_space"), codebook);
        assertTrue(Files.readString(out.resolve("answers-frequencies.csv")).contains("area,noord"));
        assertTrue(Files.readString(out.resolve("answers-themes.csv")).contains("cleanliness"));
        Path again = out.resolve("again").resolve("answers.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(again))) {
            assertEquals(40, wb.getSheet("answers").getLastRowNum(), "LibreOffice kept every row");
            assertEquals("=HYPERLINK(\"http://evil.example/\",\"Klik\") het park",
                    wb.getSheet("answers").getRow(8).getCell(1).getStringCellValue(),
                    "and did not turn a resident's text into a formula");
        }
    }

    private static void run(Path soffice, Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=file://" + dir.resolve("profile")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done && p.exitValue() == 0, "soffice " + args[1] + ": " + output);
        assertFalse(output.toLowerCase().contains("error"), output);
    }

    private static Path soffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "soffice");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
