package org.kkr4j.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one {@code recording.json} (format 1, see RECORDINGS.md of the fixtures) into a {@link Recording}.
 * The streaming parser builds plain maps and lists; the databind layer would add a quarter of a second of
 * class loading to every replayed call.
 */
final class RecordingManifestReader {

    static final String MANIFEST_NAME = "recording.json";
    static final int SUPPORTED_FORMAT = 1;

    private static final String SHA256_PREFIX = "sha256:";

    private final JsonFactory factory = new JsonFactory();

    Recording read(Path manifest) throws RecordingFormatException {
        Path file = manifest.toAbsolutePath().normalize();
        Object root;
        try (JsonParser parser = factory.createParser(Files.readAllBytes(file))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RecordingFormatException(file, "empty file");
            }
            root = readValue(parser, first);
            if (parser.nextToken() != null) {
                throw new RecordingFormatException(file, "content after the top-level object");
            }
        } catch (JsonParseException e) {
            throw new RecordingFormatException(file, "not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr(), e);
        } catch (RecordingFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new RecordingFormatException(file, "cannot read: " + e, e);
        }
        return toRecording(file, root);
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, readValue(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(readValue(parser, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getNumberValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseException(parser, "unexpected token " + token);
        }
    }

    private static Recording toRecording(Path manifest, Object root) throws RecordingFormatException {
        Path directory = manifest.getParent();
        Map<String, Object> top = object(manifest, root, "the top level");
        Object format = top.get("format");
        if (!(format instanceof Integer f) || f != SUPPORTED_FORMAT) {
            throw new RecordingFormatException(manifest, "\"format\" is " + format + "; only format "
                    + SUPPORTED_FORMAT + " is supported");
        }
        Map<String, Object> codeObject = object(manifest, required(manifest, top, "code", "the top level"), "\"code\"");
        Recording.Code code = new Recording.Code(
                string(manifest, required(manifest, codeObject, "version", "\"code\""), "code.version"),
                codeObject.containsKey("build") ? string(manifest, codeObject.get("build"), "code.build") : "",
                codeObject.containsKey("threads")
                        ? integer(manifest, codeObject.get("threads"), "code.threads", 0, Integer.MAX_VALUE) : 0);

        Object runsValue = required(manifest, top, "runs", "the top level");
        if (!(runsValue instanceof List<?> runList) || runList.isEmpty()) {
            throw new RecordingFormatException(manifest, "\"runs\" must be a non-empty array");
        }
        List<Recording.Run> runs = new ArrayList<>(runList.size());
        for (int i = 0; i < runList.size(); i++) {
            runs.add(toRun(manifest, directory, i, runList.get(i)));
        }
        return new Recording(directory, manifest, code, runs);
    }

    private static Recording.Run toRun(Path manifest, Path directory, int index, Object value)
            throws RecordingFormatException {
        String where = "runs[" + index + "]";
        Map<String, Object> run = object(manifest, value, where);
        Path card = insideRecording(manifest, directory,
                string(manifest, required(manifest, run, "card", where), where + ".card"), where + ".card");
        Path log = insideRecording(manifest, directory,
                string(manifest, required(manifest, run, "log", where), where + ".log"), where + ".log");
        int exit = integer(manifest, required(manifest, run, "exit", where), where + ".exit", 0, 255);
        Object secondsValue = required(manifest, run, "seconds", where);
        if (!(secondsValue instanceof Number seconds) || !(seconds.doubleValue() >= 0)
                || Double.isInfinite(seconds.doubleValue())) {
            throw new RecordingFormatException(manifest, where + ".seconds must be a number >= 0, not " + secondsValue);
        }

        Map<String, String> filesIn = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object(manifest, required(manifest, run, "files_in", where),
                where + ".files_in").entrySet()) {
            String path = workingDirectoryPath(manifest, e.getKey(), where + ".files_in");
            String digest = string(manifest, e.getValue(), where + ".files_in." + e.getKey());
            if (!digest.startsWith(SHA256_PREFIX) || !isSha256Hex(digest.substring(SHA256_PREFIX.length()))) {
                throw new RecordingFormatException(manifest, where + ".files_in." + e.getKey()
                        + " must be \"sha256:\" and 64 hex digits, not \"" + digest + "\"");
            }
            filesIn.put(path, digest.substring(SHA256_PREFIX.length()).toLowerCase(Locale.ROOT));
        }
        Map<String, Path> filesOut = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object(manifest, required(manifest, run, "files_out", where),
                where + ".files_out").entrySet()) {
            String path = workingDirectoryPath(manifest, e.getKey(), where + ".files_out");
            String stored = string(manifest, e.getValue(), where + ".files_out." + e.getKey());
            filesOut.put(path, insideRecording(manifest, directory, stored, where + ".files_out." + e.getKey()));
        }
        return new Recording.Run(index, card, log, exit, seconds.doubleValue(), filesIn, filesOut);
    }

    /** A path the replay reads: must stay inside the recording directory. */
    private static Path insideRecording(Path manifest, Path directory, String relative, String where)
            throws RecordingFormatException {
        Path resolved = directory.resolve(relativePath(manifest, relative, where)).normalize();
        if (!resolved.startsWith(directory)) {
            throw new RecordingFormatException(manifest, where + " \"" + relative + "\" leaves the recording directory");
        }
        return resolved;
    }

    /** A path the replay writes into (or checks in) the caller's working directory: relative, never above it. */
    private static String workingDirectoryPath(Path manifest, String relative, String where)
            throws RecordingFormatException {
        Path normal = relativePath(manifest, relative, where).normalize();
        if (normal.toString().isEmpty() || normal.startsWith("..")) {
            throw new RecordingFormatException(manifest, where + " \"" + relative
                    + "\" is not a file inside the working directory");
        }
        return normal.toString();
    }

    private static Path relativePath(Path manifest, String relative, String where) throws RecordingFormatException {
        Path path;
        try {
            path = Path.of(relative);
        } catch (InvalidPathException e) {
            throw new RecordingFormatException(manifest, where + " \"" + relative + "\" is not a valid path");
        }
        if (relative.isEmpty() || path.isAbsolute()) {
            throw new RecordingFormatException(manifest, where + " \"" + relative + "\" must be a relative path");
        }
        return path;
    }

    private static boolean isSha256Hex(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Object required(Path manifest, Map<String, Object> object, String key, String where)
            throws RecordingFormatException {
        if (!object.containsKey(key)) {
            throw new RecordingFormatException(manifest, where + " has no \"" + key + "\"");
        }
        return object.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Path manifest, Object value, String where)
            throws RecordingFormatException {
        if (!(value instanceof Map<?, ?> map)) {
            throw new RecordingFormatException(manifest, where + " must be a JSON object");
        }
        return (Map<String, Object>) map;
    }

    private static String string(Path manifest, Object value, String where) throws RecordingFormatException {
        if (!(value instanceof String s)) {
            throw new RecordingFormatException(manifest, where + " must be a string, not " + value);
        }
        return s;
    }

    private static int integer(Path manifest, Object value, String where, int min, int max)
            throws RecordingFormatException {
        if (!(value instanceof Integer i) || i < min || i > max) {
            throw new RecordingFormatException(manifest, where + " must be an integer in [" + min + ", " + max
                    + "], not " + value);
        }
        return i;
    }
}
