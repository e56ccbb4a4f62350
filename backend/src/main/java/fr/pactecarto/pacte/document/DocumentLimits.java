package fr.pactecarto.pacte.document;

/**
 * The bounds a pacte document must stay within, checked while it is read so that a hostile file is refused
 * early with bounded memory: its size in bytes (checked before parsing), its size in code points, the nesting
 * depth of its mappings and lists, the YAML aliases of mappings or lists it may use (alias bombs), and how
 * many errors are listed.
 */
public record DocumentLimits(long maxBytes, int maxCodePoints, int maxDepth, int maxCollectionAliases, int maxErrors) {

	/** 5 MB, 5 M code points, depth 32, no alias of a mapping or list, 100 errors listed. */
	public static DocumentLimits defaults() {
		return new DocumentLimits(5L * 1024 * 1024, 5 * 1024 * 1024, 32, 0, 100);
	}

	public DocumentLimits {
		if (maxBytes < 1 || maxCodePoints < 1 || maxDepth < 4 || maxCollectionAliases < 0 || maxErrors < 1) {
			throw new IllegalArgumentException("pacte.documents limits out of range: " + maxBytes + " bytes, "
					+ maxCodePoints + " code points, depth " + maxDepth + ", " + maxCollectionAliases + " aliases, "
					+ maxErrors + " errors");
		}
	}

}
