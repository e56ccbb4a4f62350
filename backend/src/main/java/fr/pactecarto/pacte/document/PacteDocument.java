package fr.pactecarto.pacte.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pacte as its document file holds it (format {@value #FORMAT}, see {@code schema/pacte-document.schema.json}).
 * Lists keep the document's order, which is the order of the positions stored. Optional values are null,
 * optional lists empty.
 */
public record PacteDocument(String region, int year, String title, Source source, List<Alias> aliases,
		List<MapLayer> layers, List<Theme> themes, List<Axis> axes, Funding funding,
		NationalMeasures nationalMeasures, LocalPactFramework localPactFramework) {

	public static final String FORMAT = "pacte-carto/1";

	/** The public identifier, {@code <region>-<year>} ({@code 93-2024}). */
	public String id() {
		return this.region + "-" + this.year;
	}

	public record Source(String title, String body, LocalDate date) {
	}

	/** A short name the document uses for a territory ({@code AMP} → EPCI {@code 200054807}). */
	public record Alias(String alias, String kind, String code) {
	}

	/** A layer of the map, bottom first: every territory of {@code kind} in the region and/or {@code codes}. */
	public record MapLayer(String key, String label, String itemLabel, String kind, List<String> codes) {
	}

	public record Theme(String slug, String label, boolean headline) {
	}

	public record Axis(int number, String shortName, String title, String note, List<Priority> priorities) {
	}

	public record Priority(String id, String title, List<Action> actions) {
	}

	/**
	 * An action; {@code citedAs} holds the territory codes exactly as cited, in order, repeats kept;
	 * {@code archived}: archived by an edit (gone from the reads, kept with its history), written only when true.
	 */
	public record Action(String id, String label, String category, String instrument, List<String> themes,
			List<String> citedAs, String note, List<Action> subActions, boolean archived) {

		public Action(String id, String label, String category, String instrument, List<String> themes,
				List<String> citedAs, String note, List<Action> subActions) {
			this(id, label, category, instrument, themes, citedAs, note, subActions, false);
		}

	}

	public record Funding(String currency, String note, List<FundingLine> lines) {
	}

	public record FundingLine(String id, String instrument, String label, String partnerKind, Integer contractCount,
			long amount, List<String> partners, String note) {
	}

	public record NationalMeasures(int announcedCount, String note, List<NationalPact> pacts) {
	}

	public record NationalPact(String title, Integer axis, List<String> reforms, List<NationalMeasure> measures) {
	}

	public record NationalMeasure(String name, String note) {
	}

	public record LocalPactFramework(String title, String reference, long regionalCredits,
			List<LocalPactSection> sections) {
	}

	public record LocalPactSection(String key, String title, String text, List<String> items) {
	}

	/** Every action in reading order: each action, then its sub-actions (the stored positions 1, 2, 3…). */
	public List<Action> actionsInReadingOrder() {
		List<Action> all = new ArrayList<>();
		for (Axis axis : this.axes) {
			for (Priority priority : axis.priorities()) {
				for (Action action : priority.actions()) {
					all.add(action);
					all.addAll(action.subActions());
				}
			}
		}
		return all;
	}

	/**
	 * The same pacte in the order the database gives back what it does not order: aliases by name (code
	 * point order) and each action's themes in the order of the pacte's themes. Two documents of the same
	 * pacte are equal once canonical, whatever these two orders were in the files.
	 */
	public PacteDocument canonical() {
		Map<String, Integer> themeOrder = new HashMap<>();
		for (int i = 0; i < this.themes.size(); i++) {
			themeOrder.putIfAbsent(this.themes.get(i).slug(), i);
		}
		Comparator<String> byTheme = Comparator.comparing(slug -> themeOrder.getOrDefault(slug, Integer.MAX_VALUE));
		List<Axis> axes = this.axes.stream()
			.map(axis -> new Axis(axis.number(), axis.shortName(), axis.title(), axis.note(),
					axis.priorities()
						.stream()
						.map(priority -> new Priority(priority.id(), priority.title(),
								priority.actions().stream().map(action -> sortThemes(action, byTheme)).toList()))
						.toList()))
			.toList();
		List<Alias> aliases = this.aliases.stream().sorted(Comparator.comparing(Alias::alias)).toList();
		return new PacteDocument(this.region, this.year, this.title, this.source, aliases, this.layers, this.themes,
				axes, this.funding, this.nationalMeasures, this.localPactFramework);
	}

	private static Action sortThemes(Action action, Comparator<String> byTheme) {
		return new Action(action.id(), action.label(), action.category(), action.instrument(),
				action.themes().stream().sorted(byTheme).toList(), action.citedAs(), action.note(),
				action.subActions().stream().map(sub -> sortThemes(sub, byTheme)).toList(), action.archived());
	}

}
