package be.buurtstem.analysis.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Readers for the Darija Open Dataset files (quoted CSV) and SIB-200 (TSV), shared by the Darija tests and the
 * figure and lexicon tools. The split of {@code sentences.csv} is fixed: every fifth sentence (data rows 4, 9, 14...)
 * is held out for reported figures, the others are where the lexicon and rule are chosen.
 */
final class DarijaData {
    private DarijaData() {
    }

    /** One row of {@code semantic/*.csv}: the spelling variants of one word and its English gloss. */
    record VariantRow(String topic, List<String> variants, String english) {
    }

    static boolean heldOut(int dataRow) {
        return dataRow % 5 == 4;
    }

    /** The Darija column of {@code sentences.csv} (or of a sample in the same format), in file order. */
    static List<String> darijaSentences(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            return darijaSentences(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> darijaSentences(InputStream in) {
        List<List<String>> rows = csv(in);
        int col = rows.getFirst().indexOf("darija");
        List<String> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            out.add(r.get(col));
        }
        return out;
    }

    /** Rows of a semantic file with at least one variant; names files (one column) give one-variant rows. */
    static List<VariantRow> variantRows(String topic, InputStream in) {
        List<List<String>> rows = csv(in);
        List<String> header = rows.getFirst();
        int gloss = header.indexOf("eng");
        int topicColumn = header.indexOf("topic"); // the test sample puts the file's topic in a column
        List<VariantRow> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            List<String> variants = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                String h = i < header.size() ? header.get(i) : "";
                if (i != gloss && (h.startsWith("n") || h.equals("name")) && !r.get(i).isBlank()) {
                    variants.add(r.get(i).strip());
                }
            }
            if (!variants.isEmpty()) {
                out.add(new VariantRow(topicColumn >= 0 ? r.get(topicColumn) : topic, variants, gloss >= 0 && gloss < r.size() ? r.get(gloss).strip() : ""));
            }
        }
        return out;
    }

    /** Every semantic file in {@code dir}, by file name. */
    static List<VariantRow> variantRows(Path dir) {
        List<VariantRow> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.addAll(variantRows(f.getFileName().toString().replace(".csv", ""), in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The {@code text} column of a SIB-200 TSV file. */
    static List<String> sibTexts(Path tsv) {
        try (InputStream in = Files.newInputStream(tsv)) {
            return sibTexts(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> sibTexts(InputStream in) {
        try {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<String> out = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                String[] f = l.split("\t", -1);
                if (f.length >= 3) {
                    out.add(f[2]);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 CSV: fields optionally quoted, {@code ""} inside quotes, quoted line breaks (the data set mixes quoted and bare lines). */
    static List<List<String>> csv(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            while ((c = r.read()) != -1) {
                char ch = (char) c;
                any = true;
                if (quoted) {
                    if (ch == '"') {
                        r.mark(1);
                        int n = r.read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (n != -1) {
                                r.reset();
                            }
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"' && field.isEmpty()) {
                    quoted = true; // a quote inside an unquoted field is a literal, as Python's csv reads it
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    any = false;
                } else if (ch != '\r') {
                    field.append(ch);
                }
            }
            if (any) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
