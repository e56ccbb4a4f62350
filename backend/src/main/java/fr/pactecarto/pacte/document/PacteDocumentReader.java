package fr.pactecarto.pacte.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a pacte document (YAML, or JSON when its name ends in {@code .json}) within {@link DocumentLimits}
 * and checks everything the file alone can tell. Throws {@link PacteDocumentException} with every error found.
 */
public final class PacteDocumentReader {

	private final DocumentLimits limits;

	public PacteDocumentReader(DocumentLimits limits) {
		this.limits = limits;
	}

	public DocumentLimits limits() {
		return this.limits;
	}

	/** Reads a file; its size is checked before a byte is read. */
	public ReadDocument read(Path file) {
		Problems problems = new Problems(file.toString(), this.limits.maxErrors());
		try {
			long size = Files.size(file);
			if (size > this.limits.maxBytes()) {
				throw problems.fatal("", 0, "larger than " + DocumentText.size(this.limits.maxBytes())
						+ " (pacte.documents.max-size): refused before parsing");
			}
		}
		catch (IOException ex) {
			throw problems.fatal("", 0, "cannot be read (" + ex + ")");
		}
		try (InputStream in = Files.newInputStream(file)) {
			return read(problems, in);
		}
		catch (IOException ex) {
			throw problems.fatal("", 0, "cannot be read (" + ex + ")");
		}
	}

	/** Reads a stream, never more than the size limit of it; {@code name} names it in messages. */
	public ReadDocument read(String name, InputStream in) {
		return read(new Problems(name, this.limits.maxErrors()), in);
	}

	private ReadDocument read(Problems problems, InputStream in) {
		String text = DocumentText.read(in, this.limits, problems);
		boolean json = problems.file().toLowerCase(Locale.ROOT).endsWith(".json");
		Tree tree = json ? JsonTrees.read(text, this.limits, problems) : YamlTrees.read(text, this.limits, problems);
		DocumentBinder binder = new DocumentBinder(problems);
		PacteDocument document = binder.bind(tree);
		problems.throwIfErrors();
		return new ReadDocument(document, binder.citations(), problems);
	}

}
