package fr.pactecarto.pacte.document;

import java.util.List;

/** A pacte document refused: every error found (bounded, see {@code pacte.documents.max-errors}). */
public class PacteDocumentException extends RuntimeException {

	private final List<DocumentProblem> errors;

	public PacteDocumentException(List<DocumentProblem> errors) {
		super(summary(errors));
		this.errors = List.copyOf(errors);
	}

	private static String summary(List<DocumentProblem> errors) {
		StringBuilder text = new StringBuilder();
		text.append(errors.size()).append(errors.size() == 1 ? " error" : " errors").append(", nothing stored:");
		for (DocumentProblem error : errors) {
			text.append(System.lineSeparator()).append(error);
		}
		return text.toString();
	}

	/** The errors, in the order found (document order for the most part). */
	public List<DocumentProblem> errors() {
		return this.errors;
	}

}
