package fr.pactecarto.pacte.document;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A pacte file loaded at start that is refused stops the app with its errors, one per line, not a stack trace. */
class PacteDocumentFailureAnalyzer extends AbstractFailureAnalyzer<PacteDocumentException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PacteDocumentException cause) {
		return new FailureAnalysis("Loading the pacte documents at start failed: " + cause.getMessage(),
				"Fix the file (see the README, « Pacte documents », and schema/pacte-document.schema.json), or set "
						+ "pacte.documents.files to other files, or pacte.documents.load-on-start=false",
				cause);
	}

}
