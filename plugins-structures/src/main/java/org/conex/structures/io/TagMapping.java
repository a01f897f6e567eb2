package org.conex.structures.io;

/**
 * How the primary tags written in a document become the primary tags of the objects built from
 * it (primary tags are unique in a network, so a second copy needs new ones). References to
 * objects defined in the same document follow the mapping; references to objects outside the
 * document (already in the network) are kept as written. Derived objects are named after their
 * (mapped) structure.
 */
@FunctionalInterface
public interface TagMapping {
    /** The tag to give the object written as {@code tag}. */
    String map(String tag);

    /** Tags as written (loading into a fresh network: the rebuilt objects keep their names and random streams). */
    static TagMapping identity() {
        return t -> t;
    }

    /** Every tag prefixed by {@code prefix}. */
    static TagMapping prefix(String prefix) {
        return t -> prefix + t;
    }

    /**
     * Re-roots a copy under a new name: {@code from} becomes {@code to}, {@code from.x} becomes
     * {@code to.x}, any other tag {@code t} becomes {@code to.t}. A column {@code "col1"} with
     * layers {@code "col1.L4"} copied as {@code "col2"} gets layers {@code "col2.L4"}.
     */
    static TagMapping reroot(String from, String to) {
        return t -> t.equals(from) ? to : t.startsWith(from + ".") ? to + t.substring(from.length()) : to + "." + t;
    }
}
