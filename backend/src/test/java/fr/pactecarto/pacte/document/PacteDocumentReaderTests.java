package fr.pactecarto.pacte.document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Reading and checking pacte documents, file alone (no database): what is accepted, every error and its path. */
class PacteDocumentReaderTests {

	static final Path REFERENCE = Path.of("../pactes/paca-2024.yaml");

	static final Path FIXTURE = Path.of("src/test/resources/pactes/fixture-corse-2099.yaml");

	// A small valid document that the tests below break one way at a time.
	static final String MINIMAL = """
			format: pacte-carto/1
			region: "93"
			year: 2024
			title: Un pacte
			source: { title: Un document, body: CAR, date: 2024-07-24 }
			aliases:
			  - { alias: AMP, kind: EPCI, code: "200054807" }
			  - { alias: VdM, kind: COMMUNE, code: "13055" }
			map:
			  layers:
			    - { key: departements, label: Départements, itemLabel: Département, kind: DEPARTMENT }
			themes:
			  - { slug: mobilite, label: Mobilité, headline: true }
			  - { slug: emploi, label: Emploi }
			axes:
			  - number: 1
			    shortName: Un
			    title: Axe un
			    priorities:
			      - id: axe1-p1
			        title: Priorité
			        actions:
			          - id: axe1-p1-a1
			            label: Action
			            themes: [mobilite, emploi]
			            citedAs: ["04", AMP]
			            subActions:
			              - { id: axe1-p1-a1-s1, label: Sous-action, themes: [emploi], citedAs: [VdM] }
			funding:
			  currency: EUR
			  lines:
			    - { id: cls, instrument: CLS, label: Contrat, partnerKind: METROPOLIS, contractCount: 1, amount: 1000, partners: [AMP] }
			nationalMeasures:
			  announcedCount: 1
			  pacts:
			    - { title: Pacte national, axis: 1, measures: [{ name: Mesure }] }
			localPactFramework:
			  title: Pactes locaux
			  reference: Instruction
			  regionalCredits: 10
			  sections:
			    - { key: ENJEUX, title: ENJEUX, text: Texte, items: [un point] }
			""";

	final PacteDocumentReader reader = new PacteDocumentReader(DocumentLimits.defaults());

	ReadDocument read(String yaml) {
		return this.reader.read("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	List<DocumentProblem> errors(String yaml) {
		try {
			read(yaml);
		}
		catch (PacteDocumentException ex) {
			return ex.errors();
		}
		throw new AssertionError("the document was accepted");
	}

	@Test
	void theReferenceFileIsReadAndIsItsOwnCanonicalForm() throws Exception {
		PacteDocument paca = this.reader.read(REFERENCE).document();
		assertThat(paca.id()).isEqualTo("93-2024");
		assertThat(paca.actionsInReadingOrder()).hasSize(40);
		assertThat(paca.themes()).hasSize(14);
		assertThat(paca.axes()).extracting(PacteDocument.Axis::shortName)
			.containsExactly("Enfance", "Emploi", "Accès aux droits", "Transition écologique solidaire");
		assertThat(paca.funding().lines()).extracting(PacteDocument.FundingLine::amount)
			.containsExactly(4291000L, 2000000L, 11105834L, 21938714L, 1290000L);
		assertThat(paca.layers()).extracting(PacteDocument.MapLayer::key).containsExactly("departements", "metropoles", "villes");
		// The reference file is written as the exporter writes, below its comment.
		assertThat(PacteExporter.yaml(paca)).isEqualTo(withoutLeadingComments(Files.readString(REFERENCE)));
	}

	@Test
	void theFixtureIsReadAndIsItsOwnCanonicalForm() throws Exception {
		PacteDocument corse = this.reader.read(FIXTURE).document();
		assertThat(corse.id()).isEqualTo("94-2099");
		assertThat(corse.actionsInReadingOrder()).hasSize(6);
		assertThat(PacteExporter.yaml(corse)).isEqualTo(withoutLeadingComments(Files.readString(FIXTURE)));
	}

	@Test
	void theReadmeExampleIsAValidDocument() throws Exception {
		String readme = Files.readString(Path.of("../README.md"));
		int section = readme.indexOf("## Pacte documents");
		int start = readme.indexOf("```yaml\n", section) + 8;
		PacteDocument example = read(readme.substring(start, readme.indexOf("```", start))).document();
		assertThat(example.id()).isEqualTo("93-2024");
		assertThat(example.actionsInReadingOrder()).extracting(PacteDocument.Action::citedAs)
			.containsExactly(List.of("06", "AMP"));
	}

	@Test
	void theJsonFormHasTheSameStructure() throws Exception {
		PacteDocument paca = this.reader.read(REFERENCE).document();
		String json = DocumentWriter.json(paca);
		assertThat(json).startsWith("{\n  \"format\": \"pacte-carto/1\",\n  \"region\": \"93\",");
		PacteDocument back = this.reader.read("paca.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
			.document();
		assertThat(back).isEqualTo(paca);
	}

	@Test
	void aMinimalDocumentIsReadAndTheActionsThemesAndAliasesComeInCanonicalOrder() {
		PacteDocument document = read(MINIMAL.replace("themes: [mobilite, emploi]", "themes: [emploi, mobilite]")
			.replace("""
					  - { alias: AMP, kind: EPCI, code: "200054807" }
					  - { alias: VdM, kind: COMMUNE, code: "13055" }
					""", """
					  - { alias: VdM, kind: COMMUNE, code: "13055" }
					  - { alias: AMP, kind: EPCI, code: "200054807" }
					""")).document();
		assertThat(document.axes().get(0).priorities().get(0).actions().get(0).themes()).containsExactly("mobilite", "emploi");
		assertThat(document.aliases()).extracting(PacteDocument.Alias::alias).containsExactly("AMP", "VdM");
		assertThat(document.actionsInReadingOrder()).extracting(PacteDocument.Action::id)
			.containsExactly("axe1-p1-a1", "axe1-p1-a1-s1");
		assertThat(read(MINIMAL).document()).isEqualTo(document);
	}

	static Stream<Arguments> mistakes() {
		// name, text of MINIMAL, replaced by, path of the error, message
		return Stream.of(
				arguments("unknown theme", "themes: [mobilite, emploi]", "themes: [mobilite, emplois]", "axes[0].priorities[0].actions[0].themes[1]", "unknown theme 'emplois' (not in themes)"),
				arguments("theme twice", "themes: [mobilite, emploi]", "themes: [emploi, emploi]", "axes[0].priorities[0].actions[0].themes[1]", "theme 'emploi' listed twice"),
				arguments("duplicate action id", "id: axe1-p1-a1-s1", "id: axe1-p1-a1", "axes[0].priorities[0].actions[0].subActions[0].id", "duplicate action 'axe1-p1-a1' (already at axes[0].priorities[0].actions[0].id)"),
				arguments("missing field", "    shortName: Un\n", "", "axes[0].shortName", "missing (required)"),
				arguments("unknown key", "citedAs: [\"04\", AMP]", "citeAs: [\"04\", AMP]", "axes[0].priorities[0].actions[0].citeAs", "unknown key 'citeAs' (did you mean 'citedAs'?); expected one of id, label, category, instrument, themes, citedAs, note, archived, subActions"),
				arguments("code not quoted", "citedAs: [\"04\", AMP]", "citedAs: [04, AMP]", "axes[0].priorities[0].actions[0].citedAs[0]", "must be a string, found a number 04 (YAML reads an unquoted 04 as a number): quote it: \"04\""),
				arguments("region not quoted", "region: \"93\"", "region: 93", "region", "must be a string, found a number 93 (YAML reads an unquoted 93 as a number): quote it: \"93\""),
				arguments("region format", "region: \"93\"", "region: \"930\"", "region", "'930' is not an INSEE region code (two digits, quoted: \"93\")"),
				arguments("year format", "year: 2024", "year: 24", "year", "24 is out of range (1900 to 2999)"),
				arguments("year quoted", "year: 2024", "year: \"2024\"", "year", "must be a whole number, found a string: write 2024 without quotes"),
				arguments("octal number", "amount: 1000", "amount: 01000", "funding.lines[0].amount", "'01000': write a plain decimal number (no leading zero, octal, hexadecimal or separators)"),
				arguments("bad date", "date: 2024-07-24", "date: 2024-13-45", "source.date", "not a date '2024-13-45': write YYYY-MM-DD (e.g. 2024-07-24)"),
				arguments("date in French", "date: 2024-07-24", "date: 24/07/2024", "source.date", "not a date '24/07/2024': write YYYY-MM-DD (e.g. 2024-07-24)"),
				arguments("bad kind", "kind: DEPARTMENT", "kind: DEPARTEMENT", "map.layers[0].kind", "'DEPARTEMENT' is not one of REGION, DEPARTMENT, EPCI, COMMUNE"),
				arguments("bad partner kind", "partnerKind: METROPOLIS", "partnerKind: METROPOLE", "funding.lines[0].partnerKind", "'METROPOLE' is not one of METROPOLIS, CITY, DEPARTMENT, LOCAL_PARTNERS"),
				arguments("bad instrument", "instrument: CLS", "instrument: CLD", "funding.lines[0].instrument", "'CLD' is not one of CLS, CEI, PACTE_LOCAL"),
				arguments("bad headline", "headline: true", "headline: oui", "themes[0].headline", "must be true or false, found a string 'oui'"),
				arguments("alias code of its kind", "code: \"200054807\"", "code: \"13\"", "aliases[0].code", "'13' is not a code of kind EPCI (\\d{9})"),
				arguments("national pact axis", "axis: 1, measures", "axis: 7, measures", "nationalMeasures.pacts[0].axis", "no axis 7 in axes"),
				arguments("wrong format", "format: pacte-carto/1", "format: pacte-carto/2", "format", "unknown format 'pacte-carto/2': this version reads pacte-carto/1"),
				arguments("list expected", "citedAs: [\"04\", AMP]", "citedAs: \"04\"", "axes[0].priorities[0].actions[0].citedAs", "must be a list, found a string"),
				arguments("mapping expected", "source: { title: Un document, body: CAR, date: 2024-07-24 }", "source: Un document", "source", "must be a mapping (key: value…), found a string"),
				arguments("empty label", "label: Action", "label: '  '", "axes[0].priorities[0].actions[0].label", "must not be empty"),
				arguments("bad identifier", "id: axe1-p1-a1-s1", "id: axe1 p1", "axes[0].priorities[0].actions[0].subActions[0].id", "'axe1 p1' is not a valid identifier (letters, digits, '-', '_', '.'; at most 100; no space)"),
				arguments("layer without territories", ", kind: DEPARTMENT }", " }", "map.layers[0]", "a layer needs a kind (every territory of that kind in the region), codes, or both"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void eachMistakeIsAnErrorNamingItsPath(String name, String from, String to, String path, String message) {
		assertThat(MINIMAL).contains(from);
		assertThat(errors(MINIMAL.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))))
			.extracting(DocumentProblem::path, DocumentProblem::message)
			.containsExactly(tuple(path, message));
	}

	@Test
	void duplicateIdsOfEveryKindAreErrors() {
		String yaml = MINIMAL.replace("""
				  - { slug: emploi, label: Emploi }
				""", """
				  - { slug: emploi, label: Emploi }
				  - { slug: mobilite, label: Encore }
				""").replace("""
				    - { key: departements, label: Départements, itemLabel: Département, kind: DEPARTMENT }
				""", """
				    - { key: departements, label: Départements, itemLabel: Département, kind: DEPARTMENT }
				    - { key: departements, label: Bis, itemLabel: Bis, codes: [AMP] }
				""").replace("""
				  - { alias: VdM, kind: COMMUNE, code: "13055" }
				""", """
				  - { alias: VdM, kind: COMMUNE, code: "13055" }
				  - { alias: AMP, kind: EPCI, code: "200054807" }
				  - { alias: VDM, kind: COMMUNE, code: "13055" }
				  - { alias: amp, kind: EPCI, code: "200030195" }
				""").replace("""
				    - { key: ENJEUX, title: ENJEUX, text: Texte, items: [un point] }
				""", """
				    - { key: ENJEUX, title: ENJEUX, text: Texte, items: [un point] }
				    - { key: ENJEUX, title: Bis, text: Bis }
				""").replace("""
				    - { id: cls, instrument: CLS, label: Contrat, partnerKind: METROPOLIS, contractCount: 1, amount: 1000, partners: [AMP] }
				""", """
				    - { id: cls, instrument: CLS, label: Contrat, partnerKind: METROPOLIS, contractCount: 1, amount: 1000, partners: [AMP] }
				    - { id: cls, instrument: CEI, label: Bis, partnerKind: CITY, amount: 1 }
				""").replace("""
				      - id: axe1-p1
				        title: Priorité
				        actions:
				""", """
				      - id: axe1-p1
				        title: Doublon
				        actions: []
				      - id: axe1-p1
				        title: Priorité
				        actions:
				""");
		// VDM differs from VdM only by case and names the same commune: allowed (the document writes both).
		assertThat(errors(yaml)).extracting(DocumentProblem::path, DocumentProblem::message).containsExactly(
				tuple("aliases[2].alias", "duplicate alias 'AMP' (already at aliases[0].alias)"),
				tuple("aliases[4].alias", "alias 'amp' differs from 'AMP' (aliases[0]) only by case but names another "
						+ "territory (EPCI 200030195 ≠ EPCI 200054807): aliases are matched case-insensitively"),
				tuple("map.layers[1].key", "duplicate map layer key 'departements' (already at map.layers[0].key)"),
				tuple("themes[2].slug", "duplicate theme 'mobilite' (already at themes[0].slug)"),
				tuple("axes[0].priorities[1].id", "duplicate priority 'axe1-p1' (already at axes[0].priorities[0].id)"),
				tuple("funding.lines[1].id", "duplicate funding line 'cls' (already at funding.lines[0].id)"),
				tuple("localPactFramework.sections[1].key",
						"duplicate section key 'ENJEUX' (already at localPactFramework.sections[0].key)"));
	}

	@Test
	void axesAreListedInTheOrderOfTheirNumbers() {
		String two = MINIMAL.replace("""
				axes:
				  - number: 1
				""", """
				axes:
				  - { number: 2, shortName: Deux, title: Axe deux, priorities: [] }
				  - number: 1
				""");
		assertThat(errors(two)).extracting(DocumentProblem::path, DocumentProblem::message)
			.containsExactly(tuple("axes[1].number", "axis 1 comes after axis 2: list the axes in the order of their numbers"));
	}

	@Test
	void everyErrorIsReportedAtOnceWithItsLine() {
		String yaml = MINIMAL.replace("themes: [mobilite, emploi]", "themes: [mobilit]")
			.replace("citedAs: [\"04\", AMP]", "citedAs: [04]")
			.replace("amount: 1000", "amount: beaucoup")
			.replace("  currency: EUR\n", "");
		assertThat(errors(yaml)).extracting(DocumentProblem::toString).containsExactly(
				"test.yaml:25: axes[0].priorities[0].actions[0].themes[0]: unknown theme 'mobilit' (not in themes)",
				"test.yaml:26: axes[0].priorities[0].actions[0].citedAs[0]: must be a string, found a number 04 "
						+ "(YAML reads an unquoted 04 as a number): quote it: \"04\"",
				"test.yaml:30: funding.currency: missing (required)",
				"test.yaml:31: funding.lines[0].amount: must be a whole number, found a string");
	}

	@Test
	void theNumberOfErrorsListedIsBounded() {
		StringBuilder yaml = new StringBuilder(MINIMAL);
		for (int i = 0; i < 500; i++) {
			yaml.append("extra").append(i).append(": 1\n");
		}
		List<DocumentProblem> errors = errors(yaml.toString());
		assertThat(errors).hasSize(101);
		assertThat(errors.get(0).message()).startsWith("unknown key 'extra0'");
		assertThat(errors.get(100).message())
			.isEqualTo("… and 400 more error(s) not listed (pacte.documents.max-errors=100)");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			duplicate key   | 'title: Un pacte\ntitle: Deux'    | title      | 5 | duplicate key 'title' (first at line 4)
			custom tag      | 'title: !pacte Un pacte'           | title      | 4 | the tag !pacte is not allowed: write plain values
			binary tag      | 'title: !!binary VW4gcGFjdGU='     | title      | 4 | the tag tag:yaml.org,2002:binary is not allowed: write plain values
			merge key       | 'title: Un pacte\n<<: {year: 2024}' | ''        | 5 | merge keys (<<) are not allowed: write the keys out
			""")
	void yamlFeaturesBeyondPlainDataAreRefused(String name, String title, String path, int line, String message) {
		assertThat(errors(MINIMAL.replace("title: Un pacte", title.replace("\\n", "\n"))))
			.extracting(DocumentProblem::path, DocumentProblem::line, DocumentProblem::message)
			.containsExactly(tuple(path, line, message));
	}

	@Test
	void typesAreNeverConstructedFromTags() {
		assertThat(errors("!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]"))
			.extracting(DocumentProblem::message)
			.singleElement()
			.asString()
			.startsWith("not valid YAML: ")
			.contains("Global tag is not allowed");
	}

	@Test
	void severalDocumentsInOneFileAreRefused() {
		assertThat(errors(MINIMAL + "---\n" + MINIMAL)).extracting(DocumentProblem::line, DocumentProblem::message)
			.containsExactly(tuple(43, "not valid YAML: expected a single document in the stream: but found another document"));
	}

	@Test
	void aSubActionHasNoSubActions() {
		String yaml = MINIMAL.replace("citedAs: [VdM] }", "citedAs: [VdM], subActions: [] }");
		assertThat(errors(yaml)).extracting(DocumentProblem::path, DocumentProblem::message).containsExactly(tuple(
				"axes[0].priorities[0].actions[0].subActions[0].subActions",
				"a sub-action has no sub-actions of its own (one level only)"));
	}

	static String withoutLeadingComments(String text) {
		int start = 0;
		while (text.startsWith("#", start)) {
			start = text.indexOf('\n', start) + 1;
		}
		return text.substring(start);
	}

}
