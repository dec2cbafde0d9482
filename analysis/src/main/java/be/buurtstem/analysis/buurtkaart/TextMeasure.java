package be.buurtstem.analysis.buurtkaart;

import java.util.ArrayList;
import java.util.List;

/**
 * How wide a text is in the picture's font, so that the layout can keep labels apart without knowing any font: the
 * renderer measures with its real font (shaped Arabic included), tests with a fixed width per character.
 */
public interface TextMeasure {
    /** Width of one line of text, in pixels. */
    double width(String text);

    /** Height of one line, in pixels. */
    double lineHeight();

    /** The text broken at spaces into lines no wider than {@code max} (a single long word stays whole). */
    default List<String> lines(String text, double max) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (width(tried) <= max || line.isEmpty()) {
                line.setLength(0);
                line.append(tried);
            } else {
                out.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }
}
