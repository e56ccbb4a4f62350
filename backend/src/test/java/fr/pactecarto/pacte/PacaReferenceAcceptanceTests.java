package fr.pactecarto.pacte;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test of the reference file pactes/paca-2024.yaml: what the PACA 2024 document says (CAR
 * Pauvreté, 24 July 2024), as the API answers it for the default pacte. Every PACA figure of the test suite is
 * pinned here; the other tests check behaviour on a small fixture pacte.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class PacaReferenceAcceptanceTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void thePacaPacteIsTheDefaultOneAndNamesItsSource() {
		this.graphQl.document("""
				{ pacte { id regionCode year title isDefault region { name } source { title body date } }
				  source { body date } }""")
			.execute()
			.path("pacte.id").entity(String.class).isEqualTo("93-2024")
			.path("pacte.regionCode").entity(String.class).isEqualTo("93")
			.path("pacte.year").entity(Integer.class).isEqualTo(2024)
			.path("pacte.title").entity(String.class).isEqualTo("PACTE DES SOLIDARITÉS en région PACA")
			.path("pacte.isDefault").entity(Boolean.class).isEqualTo(true)
			.path("pacte.region.name").entity(String.class).isEqualTo("Provence-Alpes-Côte d'Azur")
			.path("pacte.source.title").entity(String.class).isEqualTo("PACTE DES SOLIDARITÉS en région PACA")
			.path("source.body").entity(String.class).isEqualTo("CAR Pauvreté")
			.path("source.date").entity(String.class).isEqualTo("2024-07-24");
	}

	@Test
	void theMapShowsThePacaDepartmentsItsMetropolisesAndMarseilleOnTop() {
		this.graphQl.document("{ pacte { mapLayers { key label itemLabel territories { code } } } }").execute()
			.path("pacte.mapLayers[*].key").entityList(String.class).containsExactly("departements", "metropoles", "villes")
			.path("pacte.mapLayers[*].itemLabel").entityList(String.class)
			.containsExactly("Département", "Métropole", "Ville")
			.path("pacte.mapLayers[0].territories[*].code").entityList(String.class)
			.containsExactly("04", "05", "06", "13", "83", "84")
			.path("pacte.mapLayers[1].territories[*].code").entityList(String.class)
			.containsExactly("200030195", "200054807", "248300543")
			.path("pacte.mapLayers[2].territories[*].code").entityList(String.class).containsExactly("13055");
	}

	@ParameterizedTest
	@CsvSource({ "AMP, 200054807", "amp, 200054807", "NCA, 200030195", "TPM, 248300543", "VdM, 13055", "VDM, 13055" })
	void eachAliasOfTheDocumentResolves(String code, String official) {
		this.graphQl.document("query($code: ID!) { territory(code: $code) { code } }").variable("code", code).execute()
			.path("territory.code").entity(String.class).isEqualTo(official);
	}

	@Test
	void marseilleCarriesBothSpellingsOfItsAlias() {
		this.graphQl.document("{ territory(code: \"13055\") { aliases } }").execute()
			.path("territory.aliases").entityList(String.class).containsExactly("VDM", "VdM");
	}

	@ParameterizedTest
	@CsvSource({ "1, Enfance, 3, 9, 11", "2, Emploi, 2, 5, 8", "3, Accès aux droits, 3, 8, 8",
			"4, Transition écologique solidaire, 3, 10, 13" })
	void eachAxisHasThePrioritiesAndActionsOfItsSlide(int number, String shortName, int priorities, int topLevel,
			int all) {
		this.graphQl.document("""
				query($n: Int!) {
				  axis(number: $n) { shortName priorities { actions { id } } }
				  actions(filter: {axis: $n}) { totalCount }
				}""").variable("n", number).execute()
			.path("axis.shortName").entity(String.class).isEqualTo(shortName)
			.path("axis.priorities").entityList(Object.class).hasSize(priorities)
			.path("axis.priorities[*].actions[*].id").entityList(String.class).hasSize(topLevel)
			.path("actions.totalCount").entity(Integer.class).isEqualTo(all);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = {
			"axe2-p1-a1-garde-enfant; 84,VdM,TPM; 84,13055,248300543",
			"axe3-p1-a3; 06,13,83,TPM,05,VDM,TPM; 06,13,83,248300543,05,13055",
			"axe4-p3-a3; NCA,AMP,VdM,TPM,83; 200030195,200054807,13055,248300543,83",
			"axe4-p2-a1-slime; 04,84; 04,84",
			"axe4-p3-a2; 05; 05" })
	void namedActionsRunInTheTerritoriesTheDocumentCites(String id, String citedAs, String territories) {
		this.graphQl.document("query($id: ID!) { action(id: $id) { citedAs territories { code } } }")
			.variable("id", id).execute()
			.path("action.citedAs").entityList(String.class).containsExactly(citedAs.split(","))
			.path("action.territories[*].code").entityList(String.class).containsExactly(territories.split(","));
	}

	@Test
	void theCalpaeBaseCitesNoTerritoryAndSaysWhyInFrench() {
		this.graphQl.document("{ action(id: \"axe2-p2-a1\") { label citedAs territories { code } note } }").execute()
			.path("action.label").entity(String.class).satisfies(label -> assertThat(label).contains("CALPAE"))
			.path("action.citedAs").entityList(String.class).hasSize(0)
			.path("action.territories").entityList(Object.class).hasSize(0)
			.path("action.note").entity(String.class)
			.satisfies(note -> assertThat(note).contains("obligatoire pour tous").containsIgnoringCase("aucun territoire"));
	}

	@Test
	void theLeveeDesFreinsHasItsThreeCategoriesWithTheirInstrumentOnTheParent() {
		this.graphQl.document("""
				{ action(id: "axe2-p1-a1") { instrument subActions { category parent { id } themes { slug } } } }""")
			.execute()
			.path("action.instrument").entity(String.class).isEqualTo("CEI volet 2 (CD) ; CLS (Métropoles)")
			.path("action.subActions[*].category").entityList(String.class)
			.containsExactly("Mobilité", "Garde d'enfant", "Santé")
			.path("action.subActions[*].parent.id").entityList(String.class)
			.containsExactly("axe2-p1-a1", "axe2-p1-a1", "axe2-p1-a1")
			.path("action.subActions[0].themes[*].slug").entityList(String.class).containsExactly("mobilite", "emploi");
	}

	@Test
	void mobilityCoverageCountsTheLeveeDesFreinsAndAxe4() {
		this.graphQl.document("{ coverage(theme: \"mobilite\") { territory { code } actionCount actions { id } } }")
			.execute()
			.path("coverage[*].territory.code").entityList(String.class)
			.containsExactly("83", "04", "05", "06", "84", "13", "200030195")
			.path("coverage[*].actionCount").entityList(Integer.class).containsExactly(3, 2, 2, 2, 2, 1, 1)
			.path("coverage[0].actions[*].id").entityList(String.class)
			.containsExactly("axe2-p1-a1-mobilite", "axe4-p1-a1", "axe4-p1-a2");
		this.graphQl.document("{ coverage(theme: \"mobilite\", axis: 4) { territory { code } actionCount } }").execute()
			.path("coverage[*].territory.code").entityList(String.class)
			.containsExactly("04", "05", "06", "83", "200030195", "84");
	}

	@Test
	void withoutThemeOrAxisCoverageListsEveryCitedTerritory() {
		this.graphQl.document("{ coverage { territory { code } } }").execute()
			.path("coverage[*].territory.code").entityList(String.class)
			.hasSize(10).contains("04", "05", "06", "13", "83", "84", "200054807", "200030195", "248300543", "13055");
	}

	@Test
	void theHeadlineThemesComeFirstWithTheirActionCounts() {
		this.graphQl.document("{ themes { slug headline actionCount } }").execute()
			.path("themes[*].slug").entityList(String.class).hasSize(14)
			.path("themes[0:3].slug").entityList(String.class)
			.containsExactly("mobilite", "precarite-energetique", "alimentation")
			.path("themes[0:3].actionCount").entityList(Integer.class).containsExactly(4, 7, 3)
			.path("themes[?(@.headline == true)]").entityList(Object.class).hasSize(3);
	}

	@Test
	void aTerritoryListsItsActionsByThemeAndItsThemes() {
		this.graphQl.document("""
				{ territory(code: "NCA") {
				    energy: actions(theme: "precarite-energetique") { id }
				    axe1: actions(axis: 1) { id }
				    themes { slug }
				} }""").execute()
			.path("territory.energy[*].id").entityList(String.class)
			.containsExactly("axe4-p2-a1-autres", "axe4-p2-a1-plateforme", "axe4-p2-a4")
			.path("territory.axe1[*].id").entityList(String.class)
			.containsExactly("axe1-p1-a1-s1", "axe1-p2-a1", "axe1-p3-a1")
			.path("territory.themes[*].slug").entityList(String.class)
			.containsExactly("mobilite", "precarite-energetique", "alimentation", "parentalite", "education", "jeunesse",
					"sante", "emploi", "logement", "acces-aux-droits", "numerique");
	}

	@Test
	void bothSpellingsOfTheVilleDeMarseilleFindItsActions() {
		this.graphQl.document("{ actions(filter: {territory: \"vdm\"}) { totalCount edges { node { citedAs } } } }")
			.execute()
			.path("actions.totalCount").entity(Integer.class).isEqualTo(9)
			.path("actions.edges[*].node.citedAs").entityList(List.class)
			.satisfies(cited -> assertThat(cited).allSatisfy(codes -> assertThat(codes).containsAnyOf("VdM", "VDM")));
	}

	@Test
	void textSearchIgnoresCaseAndAccents() {
		this.graphQl.document("{ actions(filter: {text: \"precarite energetique\"}) { edges { node { id } } } }")
			.execute()
			.path("actions.edges[*].node.id").entityList(String.class)
			.containsExactly("axe4-p2-a1", "axe4-p2-a1-slime", "axe4-p2-a1-autres", "axe4-p2-a1-plateforme",
					"axe4-p2-a2", "axe4-p2-a3", "axe4-p2-a4");
	}

	@Test
	void theFortyActionsComeInTheDocumentsOrder() {
		List<String> all = this.graphQl.document("{ actions(first: 100) { totalCount edges { node { id } } } }").execute()
			.path("actions.totalCount").entity(Integer.class).isEqualTo(40)
			.path("actions.edges[*].node.id").entityList(String.class).get();
		assertThat(all).hasSize(40).startsWith("axe1-p1-a1", "axe1-p1-a1-s1", "axe1-p1-a1-s2").endsWith("axe4-p3-a3");
	}

	@Test
	void theFiveFundingLinesAddUpToTheTotal() {
		this.graphQl.document("""
				{ funding { total currency lines { id instrument partnerKind contractCount amount partners { code } } } }""")
			.execute()
			.path("funding.total").entity(Integer.class).isEqualTo(4_291_000 + 2_000_000 + 11_105_834 + 21_938_714 + 1_290_000)
			.path("funding.currency").entity(String.class).isEqualTo("EUR")
			.path("funding.lines[*].id").entityList(String.class)
			.containsExactly("cls-metropoles", "cls-ville-marseille", "cls-departements", "cei-departements", "pactes-locaux")
			.path("funding.lines[*].amount").entityList(Integer.class)
			.containsExactly(4_291_000, 2_000_000, 11_105_834, 21_938_714, 1_290_000)
			.path("funding.lines[*].partnerKind").entityList(String.class)
			.containsExactly("METROPOLIS", "CITY", "DEPARTMENT", "DEPARTMENT", "LOCAL_PARTNERS")
			.path("funding.lines[4].contractCount").valueIsNull()
			.path("funding.lines[0].partners[*].code").entityList(String.class)
			.containsExactly("200054807", "200030195", "248300543")
			.path("funding.lines[3].partners[*].code").entityList(String.class)
			.containsExactly("04", "05", "06", "13", "83", "84");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "13; cls-departements,cei-departements", "VdM; cls-ville-marseille",
			"TPM; cls-metropoles" })
	void eachPartnerSeesItsFundingLines(String code, String lines) {
		this.graphQl.document("query($code: ID!) { territory(code: $code) { fundingLines { id } } }")
			.variable("code", code).execute()
			.path("territory.fundingLines[*].id").entityList(String.class).containsExactly(lines.split(","));
	}

	@Test
	void theNationalMeasuresSlideKeepsItsFourPactesAndFlagsItsLostLayout() {
		this.graphQl.document("""
				{ nationalMeasures { announcedCount note pacts { title axis { number } reforms measures { name } } } }""")
			.execute()
			.path("nationalMeasures.announcedCount").entity(Integer.class).isEqualTo(25)
			.path("nationalMeasures.note").entity(String.class).satisfies(note -> assertThat(note).contains("14"))
			.path("nationalMeasures.pacts[*].axis.number").entityList(Integer.class).containsExactly(1, 2, 3, 4)
			.path("nationalMeasures.pacts[*].reforms[*]").entityList(String.class)
			.containsExactly("Service Public Petite Enfance", "France travail Loi plein emploi", "Solidarité à la source",
					"Transition écologique")
			.path("nationalMeasures.pacts[*].measures[*].name").entityList(String.class).hasSize(14)
			.contains("Crèches AVIP", "TZNR", "Chèque énergie");
	}

	@Test
	void thePactesLocauxFrameworkHasItsFourSections() {
		this.graphQl.document("{ localPactFramework { reference regionalCredits sections { key items } } }")
			.execute()
			.path("localPactFramework.reference").entity(String.class).isEqualTo("Instruction ministérielle du 12 juin 2024")
			.path("localPactFramework.regionalCredits").entity(Integer.class).isEqualTo(1_290_000)
			.path("localPactFramework.sections[*].key").entityList(String.class)
			.containsExactly("ENJEUX", "FORMAT", "CALENDRIER", "EVALUATION")
			.path("localPactFramework.sections[0].items").entityList(String.class).hasSize(2);
	}

	@Test
	void everyNoteIsWrittenInFrench() {
		String[][] notes = { { "{ axes { note } }", "axes[*].note" },
				{ "{ actions(first: 100) { edges { node { note } } } }", "actions.edges[*].node.note" },
				{ "{ funding { note } }", "funding.note" }, { "{ funding { lines { note } } }", "funding.lines[*].note" },
				{ "{ nationalMeasures { note } }", "nationalMeasures.note" },
				{ "{ nationalMeasures { pacts { measures { note } } } }", "nationalMeasures.pacts[*].measures[*].note" } };
		StringBuilder all = new StringBuilder();
		for (String[] query : notes) {
			all.append(this.graphQl.document(query[0]).execute().path(query[1]).entity(Object.class).get()).append('\n');
		}
		// Words of the former English notes that no French note has.
		assertThat(all.toString()).contains("é").doesNotContain(" the ", " is ", " are ", " which ", " read as ");
	}

}
