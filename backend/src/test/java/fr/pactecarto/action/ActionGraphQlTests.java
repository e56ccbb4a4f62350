package fr.pactecarto.action;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.pactecarto.support.ImportPacaTerritories;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Pacte says, as the API answers it: counts, territories of named actions, the map's coverage. */
@PacteIntegrationTest
@ExtendWith(ImportPacaTerritories.class)
class ActionGraphQlTests {

	@Autowired
	HttpGraphQlTester graphQl;

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
	void theCalpaeBaseCitesNoTerritoryAndSaysWhy() {
		this.graphQl.document("{ action(id: \"axe2-p2-a1\") { label citedAs territories { code } note } }").execute()
			.path("action.label").entity(String.class).satisfies(label -> assertThat(label).contains("CALPAE"))
			.path("action.citedAs").entityList(String.class).hasSize(0)
			.path("action.territories").entityList(Object.class).hasSize(0)
			.path("action.note").entity(String.class).satisfies(note -> assertThat(note).contains("obligatoire pour tous"));
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
	void pagesFollowEachOtherWithoutGapOrRepeat() {
		String page = "query($first: Int, $after: String) { actions(first: $first, after: $after) { totalCount "
				+ "edges { node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }";
		List<String> all = this.graphQl.document(page).variable("first", 100).execute()
			.path("actions.edges[*].node.id").entityList(String.class).get();
		assertThat(all).hasSize(40).startsWith("axe1-p1-a1").endsWith("axe4-p3-a3");
		var first = this.graphQl.document(page).variable("first", 15).execute();
		first.path("actions.totalCount").entity(Integer.class).isEqualTo(40)
			.path("actions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("actions.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		List<String> firstIds = first.path("actions.edges[*].node.id").entityList(String.class).get();
		String cursor = first.path("actions.pageInfo.endCursor").entity(String.class).get();
		var rest = this.graphQl.document(page).variable("after", cursor).execute();
		rest.path("actions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
			.path("actions.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		List<String> restIds = rest.path("actions.edges[*].node.id").entityList(String.class).get();
		assertThat(firstIds).hasSize(15);
		assertThat(restIds).hasSize(25);
		assertThat(java.util.stream.Stream.concat(firstIds.stream(), restIds.stream()).toList()).isEqualTo(all);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = {
			"{ actions(first: 101) { totalCount } }; PAGE_SIZE_EXCEEDED; first",
			"{ actions(after: \"bm9wZQ\") { totalCount } }; BAD_CURSOR; after",
			"{ actions(filter: {themes: [\"mobilite\", \"velo\"]}) { totalCount } }; UNKNOWN_THEME; filter.themes",
			"{ actions(filter: {axis: 5}) { totalCount } }; UNKNOWN_AXIS; filter.axis",
			"{ actions(filter: {territory: \"XYZ\"}) { totalCount } }; UNKNOWN_TERRITORY; filter.territory",
			"{ coverage(theme: \"velo\") { actionCount } }; UNKNOWN_THEME; theme",
			"{ coverage(axis: 0) { actionCount } }; UNKNOWN_AXIS; axis",
			"{ territory(code: \"13\") { actions(theme: \"velo\") { id } } }; UNKNOWN_THEME; theme" })
	void clientMistakesGetAStableCodeNamingTheArgument(String query, String code, String argument) {
		this.graphQl.document(query).execute().errors().satisfy(errors -> {
			assertThat(errors).isNotEmpty().allSatisfy(error -> {
				assertThat(error.getExtensions()).containsEntry("code", code).containsEntry("argument", argument);
				assertThat(error.getMessage()).contains("'" + argument + "'");
			});
		});
	}

	@Test
	void territoriesWithActionsAndThemesCostTheSameStatementsWhateverTheirNumber(@Autowired StatementCounter counter) {
		String query = "query($codes: [ID!]) { territories(filter: {codes: $codes}) { code "
				+ "actions { id themes { slug } territories { code } } themes { slug } fundingLines { id } } }";
		Runnable threeTerritories = () -> this.graphQl.document(query).variable("codes", List.of("04", "NCA", "VdM"))
			.execute()
			.path("territories").entityList(Object.class).hasSize(3);
		Runnable allTerritories = () -> this.graphQl.document(query).execute()
			.path("territories").entityList(Object.class).hasSizeGreaterThan(1000);
		threeTerritories.run(); // warms the cache of cited codes
		int forThree = counter.count(threeTerritories);
		int forAll = counter.count(allTerritories);
		assertThat(forAll).isEqualTo(forThree).isLessThanOrEqualTo(8);
	}

}
