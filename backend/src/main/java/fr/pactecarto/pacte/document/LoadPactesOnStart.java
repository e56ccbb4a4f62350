package fr.pactecarto.pacte.document;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads {@code pacte.documents.files} (the PACA 2024 reference file by default) when the database has no
 * pacte yet, so that a first {@code make run} shows the Pacte. Runs after the contours import at start
 * ({@code ImportOnStart}, order 100), so that the cited codes are checked against the territories.
 */
@Component
@Order(200)
@ConditionalOnBooleanProperty(name = "pacte.documents.load-on-start", matchIfMissing = true)
class LoadPactesOnStart implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(LoadPactesOnStart.class);

	private final DataSource dataSource;

	private final PacteImporter importer;

	private final PacteDocumentProperties properties;

	private final ResourceLoader resources;

	LoadPactesOnStart(DataSource dataSource, PacteImporter importer, PacteDocumentProperties properties,
			ResourceLoader resources) {
		this.dataSource = dataSource;
		this.importer = importer;
		this.properties = properties;
		this.resources = resources;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		if (!noPacte()) {
			return;
		}
		logger.info("No pacte in the database yet: loading {}", String.join(", ", this.properties.files()));
		for (String location : this.properties.files()) {
			Resource resource = this.resources.getResource(location);
			this.importer.importResource(resource, location);
		}
	}

	private boolean noPacte() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM pacte)")) {
			row.next();
			return row.getBoolean(1);
		}
	}

}
