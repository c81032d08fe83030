package dev.sofia.agents.testkit.openai;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Just enough of {@code multipart/form-data} (RFC 7578) to read what OpenAI clients upload. */
final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");
    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Text fields by name, and the (first) file part. */
    record Parts(Map<String, String> fields, FakeOpenAiRequest.@Nullable UploadedFile file) {}

    private Multipart() {}

    /** The parts of {@code body}, or none if the content type is not multipart. */
    static Parts parse(@Nullable String contentType, byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        FakeOpenAiRequest.UploadedFile file = null;
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundary == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/") || !boundary.find()) {
            return new Parts(fields, null);
        }
        byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int partStart = at + delimiter.length;
            if (startsWith(body, partStart, "--")) {
                break; // closing delimiter
            }
            partStart += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, partStart);
            if (next < 0) {
                break;
            }
            int headerEnd = indexOf(body, HEADER_END, partStart);
            if (headerEnd < 0 || headerEnd > next) {
                break;
            }
            String headers = new String(body, partStart, headerEnd - partStart, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headerEnd + HEADER_END.length, next - 2); // minus CRLF
            String name = group(NAME, headers, "");
            String filename = group(FILENAME, headers, null);
            if (filename != null && file == null) {
                file = new FakeOpenAiRequest.UploadedFile(name, filename, contentTypeOf(headers), content);
            } else if (filename == null) {
                fields.put(name, new String(content, StandardCharsets.UTF_8));
            }
            at = next;
        }
        return new Parts(fields, file);
    }

    private static String contentTypeOf(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-type")) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static @Nullable String group(Pattern pattern, String text, @Nullable String otherwise) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }

    private static boolean startsWith(byte[] data, int from, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return from + p.length <= data.length && Arrays.equals(data, from, from + p.length, p, 0, p.length);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
