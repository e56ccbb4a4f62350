package fr.pactecarto.geodata;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An import at start that fails stops the app with its one-line reason rather than a stack trace. */
class GeodataFailureAnalyzer extends AbstractFailureAnalyzer<GeodataImportException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, GeodataImportException cause) {
		return new FailureAnalysis("Importing the territories failed: " + cause.getMessage(),
				"Set PACTE_GEODATA to a directory or base URL holding regions, departements, epci and communes "
						+ "(.geojson or .geojson.gz), e.g. make run PACTE_GEODATA=../shared/geodata/paca",
				cause);
	}

}
