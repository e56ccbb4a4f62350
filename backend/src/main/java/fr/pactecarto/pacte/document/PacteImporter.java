package fr.pactecarto.pacte.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.pactecarto.pacte.document.PacteImportReport.Counts;
import fr.pactecarto.pacte.document.PacteImportReport.Outcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Loads or replaces one pacte from its document, in one transaction: the file is read and checked entirely
 * (its cited codes against the imported territories too) before anything is written, so a file with an error
 * changes nothing; a file equal to what is stored writes nothing (« unchanged »); otherwise the pacte's rows
 * are deleted and written again. Imports of the same pacte are serialised by an advisory lock.
 */
@Component
public class PacteImporter {

	private static final Logger logger = LoggerFactory.getLogger(PacteImporter.class);

	private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('pacte-carto pacte ' || ?))";

	private final DataSource dataSource;

	private final PacteDocumentReader reader;

	@Autowired
	public PacteImporter(DataSource dataSource, PacteDocumentProperties properties) {
		this(dataSource, new PacteDocumentReader(properties.limits()));
	}

	/** An importer on another database (tests: a scratch database), with these limits. */
	public PacteImporter(DataSource dataSource, PacteDocumentReader reader) {
		this.dataSource = dataSource;
		this.reader = reader;
	}

	public PacteDocumentReader reader() {
		return this.reader;
	}

	/** Imports a file (YAML, or JSON when it ends in {@code .json}). */
	public PacteImportReport importFile(Path file) {
		long start = System.nanoTime();
		return store(this.reader.read(file), start);
	}

	/** Imports a document from a stream; {@code name} names it in messages (and says JSON when it ends in .json). */
	public PacteImportReport importDocument(String name, InputStream in) {
		long start = System.nanoTime();
		return store(this.reader.read(name, in), start);
	}

	/** Imports a document from a Spring resource ({@code classpath:pactes/paca-2024.yaml}…). */
	public PacteImportReport importResource(Resource resource, String name) {
		long start = System.nanoTime();
		try (InputStream in = resource.getInputStream()) {
			return store(this.reader.read(name, in), start);
		}
		catch (IOException ex) {
			throw new PacteImportException(name + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	// The audit trail (V8): an import is one change of the whole pacte; the trail outlives the replaced rows.
	private static void audit(Connection connection, String id, Object file, Outcome outcome) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO pacte_change (pacte_id, entity, entity_id, operation, actor, via, after)
				VALUES (?, 'PACTE', ?, 'IMPORT', 'import', ?, jsonb_build_object('outcome', ?::text, 'file', ?::text))
				""")) {
			insert.setString(1, id);
			insert.setString(2, id);
			insert.setString(3, "file " + file);
			insert.setString(4, outcome.name());
			insert.setString(5, String.valueOf(file));
			insert.executeUpdate();
		}
	}

	private PacteImportReport store(ReadDocument read, long start) {
		PacteDocument document = read.document();
		String id = document.id();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
					lock.setString(1, id);
					lock.execute();
				}
				CitedCodes.check(read, connection);
				read.problems().throwIfErrors();
				Optional<PacteDocument> stored = PacteStore.load(connection, id);
				Outcome outcome;
				if (stored.isPresent() && stored.get().equals(document)) {
					outcome = Outcome.UNCHANGED;
					connection.rollback();
				}
				else {
					outcome = PacteStore.delete(connection, id) ? Outcome.REPLACED : Outcome.CREATED;
					PacteStore.insert(connection, document);
					audit(connection, id, read.file(), outcome);
					connection.commit();
				}
				PacteImportReport report = new PacteImportReport(id, read.file(), outcome, Counts.of(document),
						read.warnings(), Duration.ofNanos(System.nanoTime() - start));
				logger.info("Pacte {}", report);
				for (DocumentProblem warning : report.warnings()) {
					logger.warn("{}", warning);
				}
				return report;
			}
			catch (RuntimeException | SQLException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new PacteImportException(read.file() + ": the database refused the import of pacte " + id + " ("
					+ ex.getMessage() + "); nothing was changed", ex);
		}
	}

}
