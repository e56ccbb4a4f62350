package fr.pactecarto.geodata;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams the features of a contour file into the staging table of {@link ContourMerge} with COPY (text
 * format), a buffer at a time: a whole France file never sits in memory.
 */
final class ContourCopy {

	private ContourCopy() {
	}

	/** Streams the features into {@code geodata_staging}; returns how many were read. */
	static int copy(Connection connection, GeodataLayer layer, GeodataSource.Input input, Consumer<String> rejected)
			throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY geodata_staging FROM STDIN");
		try {
			StringBuilder buffer = new StringBuilder(1 << 17);
			int read = new ContourFileReader(input.name(), layer).read(input.content(), feature -> {
				appendRow(buffer, feature);
				if (buffer.length() > (1 << 16)) {
					flush(copy, buffer);
				}
			}, rejected);
			flush(copy, buffer);
			copy.endCopy();
			return read;
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private static void flush(CopyIn copy, StringBuilder buffer) {
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		buffer.setLength(0);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException ex) {
			throw new GeodataImportException("COPY into the staging table failed: " + ex.getMessage(), ex);
		}
	}

	private static void appendRow(StringBuilder row, ContourFeature feature) {
		row.append(feature.number()).append('\t');
		for (String value : new String[] { feature.code(), feature.name(), feature.nature(), feature.region(),
				feature.department(), feature.epci() }) {
			appendText(row, value);
			row.append('\t');
		}
		row.append((feature.population() != null) ? feature.population().toString() : "\\N").append('\t');
		appendText(row, feature.geometry());
		row.append('\n');
	}

	// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
	private static void appendText(StringBuilder row, String value) {
		if (value == null) {
			row.append("\\N");
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> row.append("\\\\");
				case '\t' -> row.append("\\t");
				case '\n' -> row.append("\\n");
				case '\r' -> row.append("\\r");
				default -> row.append(c);
			}
		}
	}

}
