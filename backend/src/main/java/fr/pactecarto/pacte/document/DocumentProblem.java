package fr.pactecarto.pacte.document;

/**
 * One thing wrong in a pacte document: the file, the path inside it ({@code axes[2].priorities[0].actions[3]
 * .themes[1]}, empty for the whole file), the line when known (0 otherwise) and what is wrong.
 */
public record DocumentProblem(Severity severity, String file, String path, int line, String message) {

	public enum Severity {

		/** The document is refused. */
		ERROR,

		/** The document is loaded; something deserves a look (e.g. a code not checkable yet). */
		WARNING

	}

	/** {@code file:line: path: message}, the line and path left out when unknown. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.file);
		if (this.line > 0) {
			text.append(':').append(this.line);
		}
		text.append(": ");
		if (!this.path.isEmpty()) {
			text.append(this.path).append(": ");
		}
		return text.append(this.message).toString();
	}

}
