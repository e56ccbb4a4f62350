package fr.pactecarto.geodata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

/** For tests in other packages: a contour importer on another database (e.g. a scratch one). */
public final class GeodataImporters {

	private GeodataImporters() {
	}

	/** Imports these layers of {@code directory} into {@code dataSource}, in order (regions before departments…). */
	public static void importLayers(DataSource dataSource, Path directory, GeodataLayer... layers) throws IOException {
		if (!Files.isDirectory(directory)) {
			throw new IllegalStateException(directory + " is missing: the test imports contours from it");
		}
		GeodataImporter importer = new GeodataImporter(dataSource, directory.toString());
		GeodataSource source = new GeodataSource(directory.toString());
		for (GeodataLayer layer : layers) {
			try (GeodataSource.Input input = source.open(layer)) {
				importer.importFile(layer, input);
			}
		}
	}

}
