package org.conex.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An entry of a section that a {@link ModelExtension} handles ({@code structures}, {@code inputs}):
 * kept as the JSON the file gave, checked and built by the extension.
 *
 * @param section the section name
 * @param entry   the entry as written
 * @param path    JSON path of the entry (e.g. {@code inputs[0]})
 */
public record SectionEntry(String section, JsonNode entry, String path) {
}
