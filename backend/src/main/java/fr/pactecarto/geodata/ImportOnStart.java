package fr.pactecarto.geodata;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the contours when the database has no territory yet, so that a first {@code make run} shows a map.
 * Order 100: before the pacte documents (fr.pactecarto.pacte.document.LoadPactesOnStart, 200), whose cited
 * codes are checked against the territories.
 */
@Component
@Order(100)
@ConditionalOnBooleanProperty(name = "pacte.geodata.import-on-start", matchIfMissing = true)
class ImportOnStart implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ImportOnStart.class);

	private final DataSource dataSource;

	private final GeodataImporter importer;

	ImportOnStart(DataSource dataSource, GeodataImporter importer) {
		this.dataSource = dataSource;
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) {
		Boolean empty = new JdbcTemplate(this.dataSource).queryForObject("SELECT NOT EXISTS (SELECT 1 FROM territory)",
				Boolean.class);
		if (Boolean.TRUE.equals(empty)) {
			logger.info("No territory in the database yet: importing the contours");
			this.importer.importAll();
		}
	}

}
