package org.conex.structures.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text of structure documents. Writing is deterministic (field order as the
 * {@link DocumentWriter} produces it, two-space indent, arrays on one line, a final newline), so
 * save, load, save gives identical text. Reading is defensive: at most {@link #MAX_BYTES} bytes,
 * nesting at most {@link #MAX_NESTING} levels, duplicate keys and trailing content rejected;
 * numbers become Long (integral) or Double; then {@link DocumentReader} validates the structure.
 * Files are replaced atomically (the reference appends to an existing file, BUG-17).
 */
public final class StructureJson {
    /** Largest document read. */
    public static final int MAX_BYTES = 64 << 20;
    /** Deepest JSON nesting read (structures nest about four JSON levels per level). */
    public static final int MAX_NESTING = 400;

    private static final ObjectMapper MAPPER = mapper();

    private StructureJson() {
    }

    private static ObjectMapper mapper() {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                        .maxStringLength(1 << 20).maxNumberLength(64).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ObjectMapper m = new ObjectMapper(f);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return m;
    }

    /** The JSON text of {@code doc}. */
    public static String write(StructureDocument doc) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(pp).writeValueAsString(DocumentWriter.write(doc)) + "\n";
        } catch (JsonProcessingException e) {
            throw new DocumentException("cannot write the document as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code doc} to {@code file}, replacing it atomically. */
    public static void write(StructureDocument doc, Path file) throws IOException {
        String text = write(doc);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Parses and validates a document.
     *
     * @throws DocumentException for malformed JSON (with line and column) or an invalid document
     */
    public static StructureDocument read(String json) {
        if (json.length() > MAX_BYTES) {
            throw new DocumentException("document: " + json.length() + " characters, more than the " + MAX_BYTES
                    + " a structure document may have");
        }
        return DocumentReader.read(plain(json));
    }

    /** Reads and validates the document in {@code file}. */
    public static StructureDocument read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new DocumentException(file + ": " + size + " bytes, more than the " + MAX_BYTES
                    + " a structure document may have");
        }
        try (InputStream in = Files.newInputStream(file)) {
            String text = new String(in.readNBytes(MAX_BYTES + 1), StandardCharsets.UTF_8);
            try {
                return read(text);
            } catch (DocumentException e) {
                throw new DocumentException(file.getFileName() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The JSON text as plain values: LinkedHashMap, ArrayList, Long, Double, String, Boolean, null. */
    public static Object plain(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new DocumentException("document: not valid JSON" + at + ": " + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new DocumentException("document: empty");
        }
        return toJava(tree);
    }

    private static Object toJava(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), toJava(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>(n.size());
            for (JsonNode c : n) {
                l.add(toJava(c));
            }
            return l;
        }
        if (n.isIntegralNumber()) {
            if (!n.canConvertToLong()) {
                throw new DocumentException("document: the number " + n.asText() + " is too large");
            }
            return n.longValue();
        }
        if (n.isNumber()) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new DocumentException("document: the number " + n.asText() + " is out of range");
            }
            return d;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNull()) {
            return null;
        }
        return n.asText();
    }
}
