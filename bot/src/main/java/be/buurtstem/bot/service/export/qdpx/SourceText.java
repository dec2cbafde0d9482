package be.buurtstem.bot.service.export.qdpx;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain text of one respondent's source and where each answer stands in it: per answer a line with the question
 * id, the answer's words, and an empty line. Positions count Unicode characters (code points), from 0, end
 * exclusive, as REFI-QDA's plain-text selections do (QualCoder reads them as Python string indices), so an emoji
 * or a letter outside the BMP counts once.
 */
record SourceText(String text, List<Span> spans) {
    /** Where one answer's words stand: {@code [start, end)} in code points. */
    record Span(String answerId, int start, int end) {
    }

    static SourceText of(List<QdpxSource.CodedAnswer> answers) {
        StringBuilder sb = new StringBuilder();
        List<Span> spans = new ArrayList<>(answers.size());
        int at = 0;
        for (QdpxSource.CodedAnswer a : answers) {
            String head = "[" + a.question() + "]\n";
            sb.append(head);
            at += head.codePointCount(0, head.length());
            String words = clean(a.text());
            int length = words.codePointCount(0, words.length());
            spans.add(new Span(a.id(), at, at + length));
            sb.append(words).append("\n\n");
            at += length + 2;
        }
        return new SourceText(sb.toString(), List.copyOf(spans));
    }

    /**
     * The words as the source file holds them: line ends as {@code \n} (a tool that reads {@code \r\n} as one
     * character would shift every later position) and no control characters but tab and new line.
     */
    static String clean(String text) {
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            char c = text.charAt(i);
            plain = c >= 0x20 && c != 0x7F && (c < 0x80 || c > 0x9F) || c == '\n' || c == '\t';
        }
        if (plain) {
            return text; // nearly every answer: no copy
        }
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder sb = new StringBuilder(t.length());
        t.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c)).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
