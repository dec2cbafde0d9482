package be.buurtstem.bot.service.pages.questionnaires;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one file of the upload form, read from a {@code multipart/form-data} body. The service runs without Spring's
 * multipart support (the residents' photo route reads its bodies raw), and a questionnaire form has a single file
 * field, so a small reader is enough; the body's size is already bounded by the request-body filter.
 */
final class Upload {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    record File(String name, byte[] bytes) {
    }

    private Upload() {
    }

    static Optional<File> file(String contentType, byte[] body, String field) {
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            return Optional.empty();
        }
        // ISO-8859-1 maps every byte to one char and back, so the file's bytes come out unchanged.
        String all = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + b.group(1);
        int at = all.indexOf(delimiter);
        while (at >= 0) {
            int headersStart = at + delimiter.length();
            if (all.startsWith("--", headersStart)) {
                return Optional.empty(); // the closing delimiter
            }
            int headersEnd = all.indexOf("\r\n\r\n", headersStart);
            if (headersEnd < 0) {
                return Optional.empty();
            }
            int next = all.indexOf("\r\n" + delimiter, headersEnd + 4);
            if (next < 0) {
                return Optional.empty();
            }
            String headers = all.substring(headersStart, headersEnd);
            if (headers.contains("name=\"" + field + "\"")) {
                Matcher n = FILE_NAME.matcher(headers);
                String name = n.find() ? new String(n.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : "";
                byte[] content = all.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
                return Optional.of(new File(name, content));
            }
            at = next + 2;
        }
        return Optional.empty();
    }
}
