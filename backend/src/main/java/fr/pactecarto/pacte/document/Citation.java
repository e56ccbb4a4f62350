package fr.pactecarto.pacte.document;

/**
 * A territory code a document cites (an action's {@code citedAs}, a funding line's partner, a map layer's code,
 * an alias' target), where it is cited. Checked against the aliases and the imported territories.
 */
record Citation(String code, String kind, String path, int line) {

	/** A code cited as written: an alias or an official code of any kind. */
	static Citation cited(String code, String path, int line) {
		return new Citation(code, null, path, line);
	}

	boolean isAliasTarget() {
		return this.kind != null;
	}

}
