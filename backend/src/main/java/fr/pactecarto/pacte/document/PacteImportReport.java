package fr.pactecarto.pacte.document;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What an import did: the pacte, whether it was new, replaced or unchanged (the stored pacte already equal to
 * the file: nothing written), what it holds, the warnings, the time taken.
 */
public record PacteImportReport(String pacteId, String file, Outcome outcome, Counts counts,
		List<DocumentProblem> warnings, Duration elapsed) {

	public enum Outcome {

		/** No pacte had this id: it was created. */
		CREATED,

		/** The pacte existed and differed: its rows were replaced. */
		REPLACED,

		/** The pacte was already stored exactly so: nothing was written. */
		UNCHANGED

	}

	/** How many of each thing the pacte holds (actions count sub-actions). */
	public record Counts(int axes, int priorities, int actions, int themes, int aliases, int layers, int fundingLines,
			int nationalPacts, int nationalMeasures, int sections) {

		static Counts of(PacteDocument document) {
			return new Counts(document.axes().size(),
					document.axes().stream().mapToInt(axis -> axis.priorities().size()).sum(),
					document.actionsInReadingOrder().size(), document.themes().size(), document.aliases().size(),
					document.layers().size(), document.funding().lines().size(),
					document.nationalMeasures().pacts().size(),
					document.nationalMeasures().pacts().stream().mapToInt(pact -> pact.measures().size()).sum(),
					document.localPactFramework().sections().size());
		}

	}

	public boolean unchanged() {
		return this.outcome == Outcome.UNCHANGED;
	}

	/** One line: {@code 93-2024 (pactes/paca-2024.yaml): created — 4 axes, 11 priorities, 40 actions, … in 0.2 s}. */
	@Override
	public String toString() {
		Counts c = this.counts;
		return String.format(Locale.ROOT,
				"%s (%s): %s — %d axes, %d priorities, %d actions, %d themes, %d aliases, %d map layers, "
						+ "%d funding lines, %d national pacts, %d national measures, %d local-pact sections; "
						+ "%d warning(s); %.2f s",
				this.pacteId, this.file, this.outcome.name().toLowerCase(Locale.ROOT), c.axes(), c.priorities(),
				c.actions(), c.themes(), c.aliases(), c.layers(), c.fundingLines(), c.nationalPacts(),
				c.nationalMeasures(), c.sections(), this.warnings.size(), this.elapsed.toNanos() / 1e9);
	}

}
