package fr.pactecarto.geodata;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static fr.pactecarto.geodata.ContourMerge.*;

/**
 * Imports the official contours into {@code territory}: each file is streamed feature by feature into a
 * staging table ({@link ContourCopy}), then merged in one transaction by the statements of
 * {@link ContourMerge} (insert new, update only what changed, delete what vanished, repair invalid outlines,
 * simplify the outlines per zoom band). A file that fails leaves the
 * previous data as it was; running it twice changes nothing the second time.
 */
@Component
public class GeodataImporter {

	private static final Logger logger = LoggerFactory.getLogger(GeodataImporter.class);

	private final DataSource dataSource;

	private final String source;

	GeodataImporter(DataSource dataSource, @Value("${pacte.geodata.source}") String source) {
		this.dataSource = dataSource;
		this.source = source;
	}

	/** Imports the four files of {@code pacte.geodata.source} ({@code PACTE_GEODATA}). */
	public List<FileReport> importAll() {
		return importAll(new GeodataSource(this.source));
	}

	/** Imports the four files of this source in order, each in its own transaction; stops at the first failure. */
	public List<FileReport> importAll(GeodataSource source) {
		logger.info("Importing territories from {}", source.location());
		List<FileReport> reports = new ArrayList<>();
		for (GeodataLayer layer : GeodataLayer.values()) {
			try (GeodataSource.Input input = source.open(layer)) {
				reports.add(importFile(layer, input));
			}
			catch (IOException ex) {
				throw new GeodataImportException(layer.fileName() + ": " + ex.getMessage(), ex);
			}
		}
		if (reports.stream().anyMatch(report -> report.stored() > 0 || report.deleted() > 0)) {
			analyze();
		}
		return reports;
	}

	/*
	 * Fresh statistics for the planner once the contours have changed, rather than at autovacuum's next pass:
	 * right after a first import of France it estimated 11 communes in a department's box and read the
	 * 34,868 communes' index beside the spatial one (6.4 ms for the Bouches-du-Rhône at zoom 12; 2.7 ms once
	 * analysed). ANALYZE takes 0.8 s on all of France and blocks no reader; an import that changed nothing skips it.
	 */
	private void analyze() {
		try (Connection connection = this.dataSource.getConnection()) {
			execute(connection, "ANALYZE territory, territory_outline, territory_piece");
		}
		catch (SQLException ex) {
			// The contours are stored; only the planner's estimates wait for autovacuum.
			logger.warn("Could not analyse the imported contours: {}", ex.getMessage());
		}
	}

	/** Imports one file of a layer in one transaction: all of it, or nothing. */
	public FileReport importFile(GeodataLayer layer, GeodataSource.Input input) {
		long start = System.nanoTime();
		String kind = layer.kind().name();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				execute(connection, LOCK);
				execute(connection, SETTINGS);
				execute(connection, STAGING);
				// A whole file of bad features must not fill the memory: count them all, list the first few.
				int[] rejected = { 0 };
				List<String> listed = new ArrayList<>();
				int read = ContourCopy.copy(connection, layer, input, reason -> {
					if (rejected[0]++ < MAX_LISTED_REJECTIONS) {
						listed.add(reason);
					}
				});
				if (rejected[0] > 0) {
					throw new GeodataImportException(input.name() + ": " + rejected[0]
							+ " feature(s) rejected, nothing stored: " + String.join("; ", listed));
				}
				if (read == 0) {
					throw new GeodataImportException(input.name() + ": no features (refusing to delete every "
							+ layer.kind() + ")");
				}
				failIfAny(connection, DUPLICATE_CODES, input.name() + ": the same code on several features: ",
						row -> row.getString("code") + " (features " + row.getString("features") + ")");
				execute(connection, PREPARE);
				failIfAny(connection, EMPTY_AFTER_REPAIR, input.name() + ": outline empty once repaired: ",
						row -> "feature #" + row.getInt("number") + " (code " + row.getString("code") + ")");
				int repaired = count(connection, "SELECT count(*) FROM geodata_prepared WHERE repaired");
				execute(connection, rows(layer.kind()));
				int stored = update(connection, UPSERT);
				update(connection, OUTLINES_TO_BUILD, kind);
				// The planner's counts of what this file stored and changed, before the statements that join them:
				// a first import of France left it believing in a few communes, and it then looked each changed
				// one up through the GiST index on (kind, geom), which reads all communes (13 minutes, not 15 s).
				execute(connection, ANALYZE_CHANGED);
				update(connection, DELETE_OUTLINES, kind);
				update(connection, OUTLINES, kind);
				update(connection, DELETE_PIECES, kind);
				update(connection, PIECES, kind);
				int deleted = update(connection, DELETE_VANISHED, kind);
				connection.commit();
				FileReport report = new FileReport(input.name(), read, stored, repaired, 0, deleted,
						Duration.ofNanos(System.nanoTime() - start));
				logger.info("{}", report);
				return report;
			}
			catch (RuntimeException | SQLException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new GeodataImportException(input.name() + ": the database refused the import (" + ex.getMessage()
					+ "); the previous data is unchanged", ex);
		}
	}

}
