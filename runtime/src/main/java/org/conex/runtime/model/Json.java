package org.conex.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders JSON values for messages ("the number 3", "the text \"x\"", "a list of 2 elements"). */
public final class Json {
    private Json() {
    }

    /** A short description of a JSON value with its kind. */
    public static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            String t = n.asText();
            return "the text \"" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "\"";
        }
        if (n.isBoolean()) {
            return "the boolean " + n.asBoolean();
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        if (n.isArray()) {
            return "a list of " + n.size() + (n.size() == 1 ? " element" : " elements");
        }
        if (n.isObject()) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            String k = keys.toString();
            return "an object with keys " + (k.length() > 60 ? k.substring(0, 57) + "...]" : k);
        }
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
