package fr.pactecarto.pacte.document;

import java.util.ArrayList;
import java.util.List;

import fr.pactecarto.pacte.document.DocumentProblem.Severity;

/** Collects the problems of one document, up to a bound: a file full of mistakes must not fill the memory. */
final class Problems {

	private final String file;

	private final int maxErrors;

	private final List<DocumentProblem> errors = new ArrayList<>();

	private final List<DocumentProblem> warnings = new ArrayList<>();

	private int dropped;

	Problems(String file, int maxErrors) {
		this.file = file;
		this.maxErrors = maxErrors;
	}

	String file() {
		return this.file;
	}

	void error(String path, int line, String message) {
		add(this.errors, new DocumentProblem(Severity.ERROR, this.file, path, line, message));
	}

	void warning(String path, int line, String message) {
		add(this.warnings, new DocumentProblem(Severity.WARNING, this.file, path, line, message));
	}

	private void add(List<DocumentProblem> list, DocumentProblem problem) {
		if (list.size() < this.maxErrors) {
			list.add(problem);
		}
		else if (list == this.errors) {
			this.dropped++;
		}
	}

	boolean hasErrors() {
		return !this.errors.isEmpty();
	}

	List<DocumentProblem> warnings() {
		return List.copyOf(this.warnings);
	}

	/** Throws the errors found, if any, with a last line saying how many more were not listed. */
	void throwIfErrors() {
		if (this.errors.isEmpty()) {
			return;
		}
		List<DocumentProblem> all = new ArrayList<>(this.errors);
		if (this.dropped > 0) {
			all.add(new DocumentProblem(Severity.ERROR, this.file, "", 0,
					"… and " + this.dropped + " more error(s) not listed (pacte.documents.max-errors=" + this.maxErrors + ")"));
		}
		throw new PacteDocumentException(all);
	}

	/** Throws this one error at once: the file cannot be read further. */
	PacteDocumentException fatal(String path, int line, String message) {
		error(path, line, message);
		List<DocumentProblem> all = new ArrayList<>(this.errors);
		return new PacteDocumentException(all);
	}

}
