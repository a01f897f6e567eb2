package org.conex.runtime.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a model file into a JSON tree, refusing anything that is not a well-formed UTF-8 JSON or
 * YAML document of reasonable size. Every failure becomes a {@link ModelInvalidException} whose
 * problem says where (line and column) and what was found, never a parser stack trace.
 *
 * <p>The format is chosen by extension ({@code .json}; {@code .yaml}/{@code .yml}); other names
 * are read as JSON when the text starts with <code>{</code>, YAML otherwise. JSON is parsed strictly
 * (duplicate keys are errors); YAML aliases are limited, so "billion laughs" documents are refused.
 */
public final class ModelSource {
    /** Largest accepted file: 64 MiB (a model file holds descriptions, not data). */
    public static final long MAX_BYTES = 64L << 20;
    /** Deepest accepted nesting of lists and objects. */
    public static final int MAX_DEPTH = 64;

    /** The file formats. */
    public enum Format { JSON, YAML }

    /**
     * A parsed model document.
     *
     * @param name   where it came from, for messages (a file name or "built-in example")
     * @param text   the document text as given (saved verbatim in run folders)
     * @param format JSON or YAML
     * @param tree   the document root (always an object)
     */
    public record Document(String name, String text, Format format, JsonNode tree) {
    }

    private ModelSource() {
    }

    /** Reads and parses {@code file}. */
    public static Document read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw invalid(name, "$", "expected a model file (.json, .yaml), found a folder");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw invalid(name, "$", "expected a model file of at most " + (MAX_BYTES >> 20) + " MiB, found "
                        + (size >> 20) + " MiB; put data in a dataset file and refer to it");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw invalid(name, "$", "no such file");
        } catch (IOException e) {
            throw invalid(name, "$", "cannot read the file: " + e.getMessage());
        }
        return parse(name, bytes, formatOf(file.getFileName() == null ? "" : file.getFileName().toString()));
    }

    /** The format implied by a file name, or null if the name does not tell. */
    public static Format formatOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) {
            return Format.JSON;
        }
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return Format.YAML;
        }
        return null;
    }

    /**
     * Parses raw bytes.
     *
     * @param format JSON, YAML, or null to guess from the first character
     */
    public static Document parse(String name, byte[] bytes, Format format) {
        String text = decodeUtf8(name, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw invalid(name, "$", "expected a model (an object with network, groups, ...), found an empty file");
        }
        Format f = format != null ? format : text.stripLeading().startsWith("{") ? Format.JSON : Format.YAML;
        JsonNode tree;
        try {
            tree = mapper(f).readTree(text);
        } catch (StreamConstraintsException e) {
            throw invalid(name, "$", "expected at most " + MAX_DEPTH + " levels of nested lists and objects, found"
                    + " deeper nesting" + where(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw invalid(name, "$", syntaxMessage(f, e, text));
        } catch (IOException e) {
            throw invalid(name, "$", "cannot parse: " + e.getMessage());
        } catch (RuntimeException e) {
            // SnakeYAML reports some limits (aliases, nesting, code points) as unchecked exceptions
            throw invalid(name, "$", "not a valid " + f + " document: " + firstLine(e.getMessage()));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw invalid(name, "$", "expected a model (an object with network, groups, ...), found nothing");
        }
        if (!tree.isObject()) {
            throw invalid(name, "$", "expected an object with network, groups, ... at the top, found "
                    + Json.describe(tree));
        }
        return new Document(name, text, f, tree);
    }

    private static ObjectMapper mapper(Format f) {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                .maxStringLength(1 << 20).maxNumberLength(100).build();
        if (f == Format.JSON) {
            com.fasterxml.jackson.core.JsonFactory jf = com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(limits).build();
            return JsonMapper.builder(jf)
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .build();
        }
        LoaderOptions opts = new LoaderOptions();
        opts.setMaxAliasesForCollections(20);
        opts.setNestingDepthLimit(MAX_DEPTH);
        opts.setAllowDuplicateKeys(false);
        opts.setCodePointLimit((int) MAX_BYTES);
        YAMLFactory yf = YAMLFactory.builder().loaderOptions(opts).streamReadConstraints(limits).build();
        return YAMLMapper.builder(yf).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
    }

    private static String decodeUtf8(String name, byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return d.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            int offset = firstBadByte(bytes);
            int line = 1;
            int col = 1;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    col = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    col++;
                }
            }
            throw invalid(name, "$", "expected UTF-8 text, found the byte 0x"
                    + String.format("%02X", offset < bytes.length ? bytes[offset] & 0xff : 0) + " at line " + line
                    + ", column " + col + " (byte offset " + offset + "); save the file as UTF-8");
        } catch (CharacterCodingException e) {
            throw invalid(name, "$", "expected UTF-8 text: " + e.getMessage());
        }
    }

    /** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
    static int firstBadByte(byte[] b) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(b.length + 1);
        d.decode(in, out, true);
        return in.position();
    }

    private static String syntaxMessage(Format f, JsonProcessingException e, String text) {
        String msg = firstLine(e.getOriginalMessage());
        JsonLocation loc = e.getLocation();
        boolean atEnd = msg.contains("end-of-input") || msg.contains("end of input") || msg.contains("EOF");
        if (atEnd) {
            return "the " + f + " document ends too early" + where(loc) + " (" + msg
                    + "); the file looks truncated or a bracket is missing";
        }
        return "not valid " + f + where(loc) + ": " + msg + excerpt(text, loc);
    }

    private static String where(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String excerpt(String text, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        List<String> lines = text.lines().toList();
        int i = loc.getLineNr() - 1;
        if (i >= lines.size()) {
            return "";
        }
        String l = lines.get(i).strip();
        return l.isEmpty() ? "" : " (line reads: " + (l.length() > 80 ? l.substring(0, 77) + "..." : l) + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static ModelInvalidException invalid(String name, String path, String message) {
        return new ModelInvalidException(name, List.of(new ModelProblem(path, message)));
    }
}
