package fr.pactecarto.pacte;

import java.util.List;

/** The framework of the Pactes locaux des solidarités. */
public record LocalPactFramework(String title, String reference, int regionalCredits, List<Section> sections) {

	/** A section: enjeux, format, calendrier, évaluation (GraphQL {@code LocalPactSection}). */
	public record Section(String key, String title, String text, List<String> items) {

	}

}
