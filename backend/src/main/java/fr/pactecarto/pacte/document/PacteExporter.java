package fr.pactecarto.pacte.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * A stored pacte written back in the document format, deterministically (see {@link DocumentWriter}):
 * importing the export into another database and exporting again gives the same bytes.
 */
@Component
public class PacteExporter {

	private final DataSource dataSource;

	public PacteExporter(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** The stored pacte, or empty when no pacte has this id. */
	public Optional<PacteDocument> load(String pacteId) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setReadOnly(true);
			connection.setAutoCommit(false);
			try {
				return PacteStore.load(connection, pacteId);
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			throw new PacteImportException("pacte " + pacteId + " cannot be read from the database (" + ex.getMessage()
					+ ")", ex);
		}
	}

	/** The YAML export; throws {@link UnknownPacteException} when no pacte has this id. */
	public String exportYaml(String pacteId) {
		return DocumentWriter.yaml(require(pacteId));
	}

	/** The JSON export, the same structure as the YAML one. */
	public String exportJson(String pacteId) {
		return DocumentWriter.json(require(pacteId));
	}

	/** Writes the YAML export, UTF-8, to {@code out} (left open). */
	public void export(String pacteId, OutputStream out) {
		byte[] bytes = exportYaml(pacteId).getBytes(StandardCharsets.UTF_8);
		try {
			out.write(bytes);
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The canonical YAML of a document, as an export of it once stored would be. */
	public static String yaml(PacteDocument document) {
		return DocumentWriter.yaml(document.canonical());
	}

	private PacteDocument require(String pacteId) {
		return load(pacteId).orElseThrow(() -> new UnknownPacteException(pacteId));
	}

	/** No pacte has this id. */
	public static class UnknownPacteException extends RuntimeException {

		public UnknownPacteException(String pacteId) {
			super("No pacte '" + pacteId + "': a pacte id is <region>-<year>, e.g. 93-2024");
		}

	}

}
