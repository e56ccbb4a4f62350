package fr.pactecarto.pacte;

import java.util.List;

/** The « 25 mesures nationales, dont : » slide, as the text gives it. */
public record NationalMeasures(int announcedCount, List<Pact> pacts, String note) {

	/**
	 * One of the four national pactes with the reforms and measures listed under it (GraphQL {@code NationalPact}),
	 * as the pacte {@code pacte} lists them.
	 */
	public record Pact(String pacte, int position, String title, Integer axisNumber, List<String> reforms, List<Measure> measures) {

	}

	/** A national measure named on the slide (GraphQL {@code NationalMeasure}). */
	public record Measure(String name, String note) {

	}

}
