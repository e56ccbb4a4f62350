package fr.pactecarto.pacte.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.pactecarto.pacte.document.PacteDocument.Action;
import fr.pactecarto.pacte.document.PacteDocument.Alias;
import fr.pactecarto.pacte.document.PacteDocument.Axis;
import fr.pactecarto.pacte.document.PacteDocument.Funding;
import fr.pactecarto.pacte.document.PacteDocument.FundingLine;
import fr.pactecarto.pacte.document.PacteDocument.LocalPactFramework;
import fr.pactecarto.pacte.document.PacteDocument.LocalPactSection;
import fr.pactecarto.pacte.document.PacteDocument.MapLayer;
import fr.pactecarto.pacte.document.PacteDocument.NationalMeasure;
import fr.pactecarto.pacte.document.PacteDocument.NationalMeasures;
import fr.pactecarto.pacte.document.PacteDocument.NationalPact;
import fr.pactecarto.pacte.document.PacteDocument.Priority;
import fr.pactecarto.pacte.document.PacteDocument.Source;
import fr.pactecarto.pacte.document.PacteDocument.Theme;

/**
 * Binds a {@link Tree} to a {@link PacteDocument}, the mirror of {@code schema/pacte-document.schema.json}
 * (types, required keys, enums, formats) plus what a schema cannot say: ids unique within the pacte, themes
 * that exist, aliases that do not clash, axes in order. Errors go to {@link Problems} with their path; the
 * cited codes are collected for {@link CitedCodes}.
 */
final class DocumentBinder {

	static final Set<String> KINDS = new LinkedHashSet<>(List.of("REGION", "DEPARTMENT", "EPCI", "COMMUNE"));

	static final Set<String> PARTNER_KINDS = new LinkedHashSet<>(
			List.of("METROPOLIS", "CITY", "DEPARTMENT", "LOCAL_PARTNERS"));

	static final Set<String> INSTRUMENTS = new LinkedHashSet<>(List.of("CLS", "CEI", "PACTE_LOCAL"));

	private static final Pattern REGION = Pattern.compile("\\d{2}");

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	// The official code of each kind (INSEE, SIREN for EPCI), as in the contour files.
	static final Map<String, Pattern> CODE_FORMATS = Map.of("REGION", Pattern.compile("\\d{2}"), "DEPARTMENT",
			Pattern.compile("\\d{2}|2[AB]|97\\d"), "EPCI", Pattern.compile("\\d{9}"), "COMMUNE",
			Pattern.compile("\\d{5}|2[AB]\\d{3}"));

	private static final long MAX_AMOUNT = 1_000_000_000_000_000L;

	private final Problems problems;

	private final List<Citation> citations = new ArrayList<>();

	private final Set<String> themeSlugs = new HashSet<>();

	private final Set<Integer> axisNumbers = new HashSet<>();

	private final Map<String, Map<String, String>> seen = new HashMap<>();

	DocumentBinder(Problems problems) {
		this.problems = problems;
	}

	List<Citation> citations() {
		return this.citations;
	}

	PacteDocument bind(Tree root) {
		Fields fields = Fields.of(root, "", this.problems);
		if (fields == null) {
			return null;
		}
		String format = fields.text("format", true);
		if (format != null && !format.equals(PacteDocument.FORMAT)) {
			this.problems.error("format", fields.lineOf("format"),
					"unknown format '" + format + "': this version reads " + PacteDocument.FORMAT);
		}
		String region = fields.code("region", true);
		if (region != null && !REGION.matcher(region).matches()) {
			this.problems.error("region", fields.lineOf("region"),
					"'" + region + "' is not an INSEE region code (two digits, quoted: \"93\")");
		}
		Long year = fields.integer("year", true, 1900, 2999);
		String title = fields.text("title", true);
		Source source = source(fields.object("source", true));
		List<Alias> aliases = aliases(fields, fields.list("aliases", false));
		List<MapLayer> layers = layers(fields.object("map", false));
		List<Theme> themes = themes(fields, fields.list("themes", true));
		List<Axis> axes = axes(fields, fields.list("axes", true));
		Funding funding = funding(fields.object("funding", true));
		NationalMeasures national = nationalMeasures(fields.object("nationalMeasures", true));
		LocalPactFramework local = localPactFramework(fields.object("localPactFramework", true));
		fields.finish();
		if (this.problems.hasErrors()) {
			return null;
		}
		return new PacteDocument(region, year.intValue(), title, source, aliases, layers, themes, axes, funding,
				national, local).canonical();
	}

	private Source source(Fields fields) {
		if (fields == null) {
			return null;
		}
		Source source = new Source(fields.text("title", true), fields.text("body", true), fields.date("date"));
		fields.finish();
		return source;
	}

	private List<Alias> aliases(Fields parent, List<Tree> items) {
		List<Alias> aliases = new ArrayList<>();
		Map<String, Alias> byLowerCase = new HashMap<>();
		Map<String, String> pathByLowerCase = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			Fields fields = Fields.of(items.get(i), parent.pathOf("aliases") + "[" + i + "]", this.problems);
			if (fields == null) {
				continue;
			}
			String name = fields.identifier("alias");
			String kind = fields.oneOf("kind", true, KINDS);
			String code = fields.code("code", true);
			fields.finish();
			if (name == null || kind == null || code == null) {
				continue;
			}
			if (!CODE_FORMATS.get(kind).matcher(code).matches()) {
				this.problems.error(fields.pathOf("code"), fields.lineOf("code"),
						"'" + code + "' is not a code of kind " + kind + " (" + CODE_FORMATS.get(kind).pattern() + ")");
				continue;
			}
			if (!unique("alias", name, fields.pathOf("alias"), fields.lineOf("alias"))) {
				continue;
			}
			Alias alias = new Alias(name, kind, code);
			String lower = name.toLowerCase(Locale.ROOT);
			Alias other = byLowerCase.putIfAbsent(lower, alias);
			// Codes are matched case-insensitively: VdM and VDM may both be written, for the same territory only.
			if (other != null && !(other.kind().equals(kind) && other.code().equals(code))) {
				this.problems.error(fields.pathOf("alias"), fields.lineOf("alias"), "alias '" + name + "' differs from '"
						+ other.alias() + "' (" + pathByLowerCase.get(lower) + ") only by case but names another territory ("
						+ kind + " " + code + " ≠ " + other.kind() + " " + other.code()
						+ "): aliases are matched case-insensitively");
				continue;
			}
			pathByLowerCase.putIfAbsent(lower, fields.path());
			this.citations.add(new Citation(code, kind, fields.path(), fields.line()));
			aliases.add(alias);
		}
		return aliases;
	}

	private List<MapLayer> layers(Fields map) {
		if (map == null) {
			return List.of();
		}
		List<Tree> items = map.list("layers", true);
		map.finish();
		List<MapLayer> layers = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Fields fields = Fields.of(items.get(i), map.pathOf("layers") + "[" + i + "]", this.problems);
			if (fields == null) {
				continue;
			}
			String key = fields.identifier("key");
			unique("map layer key", key, fields.pathOf("key"), fields.lineOf("key"));
			String label = fields.text("label", true);
			String itemLabel = fields.text("itemLabel", true);
			String kind = fields.oneOf("kind", false, KINDS);
			List<String> codes = codes(fields, "codes", false);
			if (fields.get("kind", false) == null && fields.get("codes", false) == null) {
				this.problems.error(fields.path(), fields.line(),
						"a layer needs a kind (every territory of that kind in the region), codes, or both");
			}
			fields.finish();
			layers.add(new MapLayer(key, label, itemLabel, kind, codes));
		}
		return layers;
	}

	private List<Theme> themes(Fields parent, List<Tree> items) {
		List<Theme> themes = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Fields fields = Fields.of(items.get(i), parent.pathOf("themes") + "[" + i + "]", this.problems);
			if (fields == null) {
				continue;
			}
			String slug = fields.identifier("slug");
			if (unique("theme", slug, fields.pathOf("slug"), fields.lineOf("slug"))) {
				this.themeSlugs.add(slug);
			}
			themes.add(new Theme(slug, fields.text("label", true), fields.flag("headline")));
			fields.finish();
		}
		return themes;
	}

	private List<Axis> axes(Fields parent, List<Tree> items) {
		if (items.isEmpty() && parent.get("axes", false) != null) {
			this.problems.error("axes", parent.lineOf("axes"), "a pacte has at least one axis");
		}
		List<Axis> axes = new ArrayList<>();
		Long previous = null;
		for (int i = 0; i < items.size(); i++) {
			Fields fields = Fields.of(items.get(i), parent.pathOf("axes") + "[" + i + "]", this.problems);
			if (fields == null) {
				continue;
			}
			Long number = fields.integer("number", true, 1, 99);
			if (number != null) {
				if (!this.axisNumbers.add(number.intValue())) {
					this.problems.error(fields.pathOf("number"), fields.lineOf("number"), "duplicate axis number " + number);
				}
				else if (previous != null && number < previous) {
					this.problems.error(fields.pathOf("number"), fields.lineOf("number"),
							"axis " + number + " comes after axis " + previous + ": list the axes in the order of their numbers");
				}
				previous = number;
			}
			String shortName = fields.text("shortName", true);
			String title = fields.text("title", true);
			String note = fields.text("note", false);
			List<Tree> priorityItems = fields.list("priorities", true);
			List<Priority> priorities = new ArrayList<>();
			for (int j = 0; j < priorityItems.size(); j++) {
				Priority priority = priority(priorityItems.get(j), fields.pathOf("priorities") + "[" + j + "]");
				if (priority != null) {
					priorities.add(priority);
				}
			}
			fields.finish();
			axes.add(new Axis((number != null) ? number.intValue() : 0, shortName, title, note, priorities));
		}
		return axes;
	}

	private Priority priority(Tree tree, String path) {
		Fields fields = Fields.of(tree, path, this.problems);
		if (fields == null) {
			return null;
		}
		String id = fields.identifier("id");
		unique("priority", id, fields.pathOf("id"), fields.lineOf("id"));
		String title = fields.text("title", true);
		List<Tree> items = fields.list("actions", true);
		List<Action> actions = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Action action = action(items.get(i), fields.pathOf("actions") + "[" + i + "]", true);
			if (action != null) {
				actions.add(action);
			}
		}
		fields.finish();
		return new Priority(id, title, actions);
	}

	private Action action(Tree tree, String path, boolean topLevel) {
		Fields fields = Fields.of(tree, path, this.problems);
		if (fields == null) {
			return null;
		}
		String id = fields.identifier("id");
		unique("action", id, fields.pathOf("id"), fields.lineOf("id"));
		String label = fields.text("label", true);
		String category = fields.text("category", false);
		String instrument = fields.text("instrument", false);
		List<String> themes = fields.texts("themes", false, false);
		Set<String> distinct = new HashSet<>();
		for (int i = 0; i < themes.size(); i++) {
			String slug = themes.get(i);
			String where = fields.pathOf("themes") + "[" + i + "]";
			if (!this.themeSlugs.contains(slug)) {
				this.problems.error(where, fields.lineOf("themes"), "unknown theme '" + slug + "' (not in themes)");
			}
			else if (!distinct.add(slug)) {
				this.problems.error(where, fields.lineOf("themes"), "theme '" + slug + "' listed twice");
			}
		}
		List<String> citedAs = codes(fields, "citedAs", false);
		String note = fields.text("note", false);
		boolean archived = fields.flag("archived");
		List<Action> subActions = new ArrayList<>();
		if (!topLevel) {
			if (fields.misplaced("subActions") != null) {
				this.problems.error(fields.pathOf("subActions"), fields.lineOf("subActions"),
						"a sub-action has no sub-actions of its own (one level only)");
			}
		}
		else {
			List<Tree> items = fields.list("subActions", false);
			for (int i = 0; i < items.size(); i++) {
				Action sub = action(items.get(i), fields.pathOf("subActions") + "[" + i + "]", false);
				if (sub != null) {
					subActions.add(sub);
				}
			}
		}
		fields.finish();
		return new Action(id, label, category, instrument, List.copyOf(themes), citedAs, note, subActions, archived);
	}

	private Funding funding(Fields fields) {
		if (fields == null) {
			return null;
		}
		String currency = fields.text("currency", true);
		if (currency != null && !CURRENCY.matcher(currency).matches()) {
			this.problems.error(fields.pathOf("currency"), fields.lineOf("currency"),
					"'" + currency + "' is not an ISO 4217 currency code (e.g. EUR)");
		}
		String note = fields.text("note", false);
		List<Tree> items = fields.list("lines", true);
		List<FundingLine> lines = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Fields line = Fields.of(items.get(i), fields.pathOf("lines") + "[" + i + "]", this.problems);
			if (line == null) {
				continue;
			}
			String id = line.identifier("id");
			unique("funding line", id, line.pathOf("id"), line.lineOf("id"));
			String instrument = line.oneOf("instrument", true, INSTRUMENTS);
			String label = line.text("label", true);
			String partnerKind = line.oneOf("partnerKind", true, PARTNER_KINDS);
			Long contractCount = line.integer("contractCount", false, 0, 1_000_000);
			Long amount = line.integer("amount", true, 0, MAX_AMOUNT);
			List<String> partners = codes(line, "partners", false);
			String lineNote = line.text("note", false);
			line.finish();
			lines.add(new FundingLine(id, instrument, label, partnerKind,
					(contractCount != null) ? contractCount.intValue() : null, (amount != null) ? amount : 0, partners,
					lineNote));
		}
		fields.finish();
		return new Funding(currency, note, lines);
	}

	private NationalMeasures nationalMeasures(Fields fields) {
		if (fields == null) {
			return null;
		}
		Long announced = fields.integer("announcedCount", true, 0, 100_000);
		String note = fields.text("note", false);
		List<Tree> items = fields.list("pacts", true);
		List<NationalPact> pacts = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Fields pact = Fields.of(items.get(i), fields.pathOf("pacts") + "[" + i + "]", this.problems);
			if (pact == null) {
				continue;
			}
			String title = pact.text("title", true);
			Long axis = pact.integer("axis", false, 1, 99);
			if (axis != null && !this.axisNumbers.contains(axis.intValue())) {
				this.problems.error(pact.pathOf("axis"), pact.lineOf("axis"), "no axis " + axis + " in axes");
			}
			List<String> reforms = pact.texts("reforms", false, false);
			List<Tree> measureItems = pact.list("measures", false);
			List<NationalMeasure> measures = new ArrayList<>();
			for (int j = 0; j < measureItems.size(); j++) {
				Fields measure = Fields.of(measureItems.get(j), pact.pathOf("measures") + "[" + j + "]", this.problems);
				if (measure != null) {
					measures.add(new NationalMeasure(measure.text("name", true), measure.text("note", false)));
					measure.finish();
				}
			}
			pact.finish();
			pacts.add(new NationalPact(title, (axis != null) ? axis.intValue() : null, reforms, measures));
		}
		fields.finish();
		return new NationalMeasures((announced != null) ? announced.intValue() : 0, note, pacts);
	}

	private LocalPactFramework localPactFramework(Fields fields) {
		if (fields == null) {
			return null;
		}
		String title = fields.text("title", true);
		String reference = fields.text("reference", true);
		Long credits = fields.integer("regionalCredits", true, 0, MAX_AMOUNT);
		List<Tree> items = fields.list("sections", true);
		List<LocalPactSection> sections = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Fields section = Fields.of(items.get(i), fields.pathOf("sections") + "[" + i + "]", this.problems);
			if (section == null) {
				continue;
			}
			String key = section.identifier("key");
			unique("section key", key, section.pathOf("key"), section.lineOf("key"));
			sections.add(new LocalPactSection(key, section.text("title", true), section.text("text", true),
					section.texts("items", false, false)));
			section.finish();
		}
		fields.finish();
		return new LocalPactFramework(title, reference, (credits != null) ? credits : 0, sections);
	}

	private List<String> codes(Fields fields, String key, boolean required) {
		List<Tree> items = fields.list(key, required);
		List<String> codes = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			String where = fields.pathOf(key) + "[" + i + "]";
			String code = fields.text(items.get(i), where, true);
			if (code != null) {
				codes.add(code);
				this.citations.add(Citation.cited(code, where, items.get(i).line()));
			}
		}
		return codes;
	}

	/** False (and an error) when this id was already used by another thing of the same kind. */
	private boolean unique(String what, String id, String path, int line) {
		if (id == null) {
			return false;
		}
		String first = this.seen.computeIfAbsent(what, key -> new HashMap<>()).putIfAbsent(id, path);
		if (first != null) {
			this.problems.error(path, line, "duplicate " + what + " '" + id + "' (already at " + first + ")");
			return false;
		}
		return true;
	}

}
