package be.buurtstem.engine.load;

/**
 * How big and how deep a questionnaire file may be. The bundled questionnaires are under 40 KB, nest about ten
 * levels and use no anchors; these limits leave ample room for real files while keeping a hostile one (thousands of
 * nested brackets, a "billion laughs" of aliases) from exhausting the stack or the heap of the service that loads
 * it. Documented in docs/questionnaire-format.md ("Limits").
 */
public final class YamlLimits {
    private YamlLimits() {
    }

    /** Largest file, in bytes (readers check it before reading) and in characters (the loader checks the text). */
    public static final int MAX_FILE_SIZE = 1024 * 1024;

    /** Deepest nesting of mappings and sequences (block indentation and flow brackets count alike). */
    public static final int MAX_DEPTH = 64;

    /** Most aliases ({@code *name}) to a mapping or sequence in one file. */
    public static final int MAX_ALIASES = 50;

    /** Most YAML nodes the file may expand to once every alias is followed (a defence against billion laughs). */
    public static final int MAX_EXPANDED_NODES = 200_000;

    /** The message for a file over {@link #MAX_FILE_SIZE}; the size is given so the organiser sees by how much. */
    public static String tooLarge(long size) {
        return "the file is too large (" + size + " bytes or characters; questionnaire files are limited to "
                + MAX_FILE_SIZE + ", 1 MB)";
    }
}
