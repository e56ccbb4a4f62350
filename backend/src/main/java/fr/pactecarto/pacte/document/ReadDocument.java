package fr.pactecarto.pacte.document;

import java.util.List;

/**
 * A pacte document read and checked on its own: valid as far as the file alone can tell. Its cited codes
 * remain to be checked against the imported territories ({@link CitedCodes}), which the importer does.
 */
public final class ReadDocument {

	private final PacteDocument document;

	private final List<Citation> citations;

	private final Problems problems;

	ReadDocument(PacteDocument document, List<Citation> citations, Problems problems) {
		this.document = document;
		this.citations = List.copyOf(citations);
		this.problems = problems;
	}

	/** The document, canonical (see {@link PacteDocument#canonical()}). */
	public PacteDocument document() {
		return this.document;
	}

	/** The warnings found so far. */
	public List<DocumentProblem> warnings() {
		return this.problems.warnings();
	}

	public String file() {
		return this.problems.file();
	}

	List<Citation> citations() {
		return this.citations;
	}

	Problems problems() {
		return this.problems;
	}

}
