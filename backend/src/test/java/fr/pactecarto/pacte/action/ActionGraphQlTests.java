package fr.pactecarto.pacte.action;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.StatementCounter;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static fr.pactecarto.support.TestData.FIXTURE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How actions, their associations, paging, filters and the map's coverage behave, on the fixture pacte
 * (pactes/fixture-corse-2099.yaml in the test resources). The PACA figures are pinned by
 * PacaReferenceAcceptanceTests.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class ActionGraphQlTests {

	@Autowired
	HttpGraphQlTester graphQl;

	private HttpGraphQlTester.Request<?> fixture(String document) {
		return this.graphQl.document(document).variable("p", FIXTURE);
	}

	@Test
	void actionsComeInTheDocumentsOrderSubActionsRightAfterTheirParent() {
		fixture("query($p: ID) { actions(pacte: $p) { totalCount edges { node { id parent { id } } } } }").execute()
			.path("actions.totalCount").entity(Integer.class).isEqualTo(6)
			.path("actions.edges[*].node.id").entityList(String.class)
			.containsExactly("axe1-p1-a1", "axe1-p1-a1-s1", "axe1-p1-a2", "axe2-p1-a1", "axe2-p1-a2", "axe2-p1-a3")
			.path("actions.edges[1].node.parent.id").entity(String.class).isEqualTo("axe1-p1-a1");
	}

	@Test
	void anActionNamesItsAxisPriorityThemesSubActionsAndTerritoriesOncePerTerritory() {
		fixture("""
				query($p: ID) { action(id: "axe1-p1-a1", pacte: $p) {
				  axis { number shortName } priority { id position title } themes { slug }
				  subActions { id citedAs territories { code } themes { slug } } } }""").execute()
			.path("action.axis.shortName").entity(String.class).isEqualTo("Essai un")
			.path("action.priority.id").entity(String.class).isEqualTo("axe1-p1")
			.path("action.priority.position").entity(Integer.class).isEqualTo(1)
			.path("action.themes[*].slug").entityList(String.class).containsExactly("mobilite")
			.path("action.subActions[0].citedAs").entityList(String.class).containsExactly("HC", "2A")
			.path("action.subActions[0].territories[*].code").entityList(String.class).containsExactly("2B", "2A")
			.path("action.subActions[0].themes[*].slug").entityList(String.class).containsExactly("mobilite", "essai-numerique");
	}

	@Test
	void anAxisListsItsPrioritiesAndTheirTopLevelActions() {
		fixture("query($p: ID) { axes(pacte: $p) { number priorities { id axis { number } actions { id } } } }").execute()
			.path("axes[*].number").entityList(Integer.class).containsExactly(1, 2)
			.path("axes[0].priorities[0].actions[*].id").entityList(String.class).containsExactly("axe1-p1-a1", "axe1-p1-a2")
			.path("axes[1].priorities[0].axis.number").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void coverageCountsTheActionsCitingEachTerritoryHighestFirst() {
		fixture("query($p: ID) { coverage(pacte: $p) { territory { code } actionCount actions { id } } }").execute()
			.path("coverage[*].territory.code").entityList(String.class).containsExactly("2B", "2A")
			.path("coverage[*].actionCount").entityList(Integer.class).containsExactly(4, 3)
			.path("coverage[1].actions[*].id").entityList(String.class)
			.containsExactly("axe1-p1-a1", "axe1-p1-a1-s1", "axe2-p1-a1");
		fixture("query($p: ID) { coverage(theme: \"essai-logement\", axis: 2, pacte: $p) { territory { code } actionCount } }")
			.execute()
			.path("coverage[*].territory.code").entityList(String.class).containsExactly("2B")
			.path("coverage[*].actionCount").entityList(Integer.class).containsExactly(1);
	}

	@Test
	void aTerritoryListsItsActionsPerQuestionAndItsThemes() {
		fixture("""
				query($p: ID) { territory(code: "2A", pacte: $p) {
				    mobility: actions(theme: "mobilite") { id }
				    axe2: actions(axis: 2) { id }
				    themes { slug } } }""").execute()
			.path("territory.mobility[*].id").entityList(String.class).containsExactly("axe1-p1-a1", "axe1-p1-a1-s1")
			.path("territory.axe2[*].id").entityList(String.class).containsExactly("axe2-p1-a1")
			.path("territory.themes[*].slug").entityList(String.class).containsExactly("mobilite", "essai-numerique");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "{ territory: \"hc\" }; 4", "{ territory: \"2B\" }; 4",
			"{ text: \"FICTIVE deux\" }; 3", "{ text: \"priorite fictive un\" }; 3", "{ themes: [\"essai-logement\"] }; 3",
			"{ themes: [\"essai-logement\", \"essai-numerique\"], axis: 2 }; 3", "{ axis: 1, territory: \"2A\" }; 2" })
	void filtersCombine(String filter, int count) {
		fixture("query($p: ID) { actions(filter: " + filter + ", pacte: $p) { totalCount } }").execute()
			.path("actions.totalCount").entity(Integer.class).isEqualTo(count);
	}

	@Test
	void pagesFollowEachOtherWithoutGapOrRepeat() {
		String page = "query($p: ID, $first: Int, $after: String) { actions(first: $first, after: $after, pacte: $p) { "
				+ "totalCount edges { node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }";
		List<String> all = fixture(page).variable("first", 100).execute()
			.path("actions.edges[*].node.id").entityList(String.class).get();
		var first = fixture(page).variable("first", 4).execute();
		first.path("actions.totalCount").entity(Integer.class).isEqualTo(6)
			.path("actions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("actions.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		List<String> firstIds = first.path("actions.edges[*].node.id").entityList(String.class).get();
		String cursor = first.path("actions.pageInfo.endCursor").entity(String.class).get();
		var rest = fixture(page).variable("after", cursor).execute();
		rest.path("actions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
			.path("actions.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		List<String> restIds = rest.path("actions.edges[*].node.id").entityList(String.class).get();
		assertThat(firstIds).hasSize(4);
		assertThat(Stream.concat(firstIds.stream(), restIds.stream()).toList()).isEqualTo(all).hasSize(6);
		fixture(page).variable("first", 0).execute()
			.path("actions.edges").entityList(Object.class).hasSize(0)
			.path("actions.totalCount").entity(Integer.class).isEqualTo(6);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = {
			"{ actions(first: 101, pacte: $p) { totalCount } }; PAGE_SIZE_EXCEEDED; first",
			"{ actions(first: -1, pacte: $p) { totalCount } }; INVALID_ARGUMENT; first",
			"{ actions(after: \"bm9wZQ\", pacte: $p) { totalCount } }; BAD_CURSOR; after",
			"{ actions(filter: {themes: [\"mobilite\", \"alimentation\"]}, pacte: $p) { totalCount } }; UNKNOWN_THEME; filter.themes",
			"{ actions(filter: {axis: 3}, pacte: $p) { totalCount } }; UNKNOWN_AXIS; filter.axis",
			"{ actions(filter: {territory: \"AMP\"}, pacte: $p) { totalCount } }; UNKNOWN_TERRITORY; filter.territory",
			"{ coverage(theme: \"alimentation\", pacte: $p) { actionCount } }; UNKNOWN_THEME; theme",
			"{ coverage(axis: 4, pacte: $p) { actionCount } }; UNKNOWN_AXIS; axis",
			"{ territory(code: \"2A\", pacte: $p) { actions(theme: \"sante\") { id } } }; UNKNOWN_THEME; theme" })
	void clientMistakesGetAStableCodeNamingTheArgument(String query, String code, String argument) {
		// PACA's themes (alimentation, sante), axes (3, 4) and aliases (AMP) are not the fixture's.
		fixture("query($p: ID) " + query).execute().errors().satisfy(errors -> {
			assertThat(errors).isNotEmpty().allSatisfy(error -> {
				assertThat(error.getExtensions()).containsEntry("code", code).containsEntry("argument", argument);
				assertThat(error.getMessage()).contains("'" + argument + "'");
			});
		});
	}

	@Test
	void territoriesWithActionsAndThemesCostTheSameStatementsWhateverTheirNumber(@Autowired StatementCounter counter) {
		String query = "query($p: ID, $codes: [ID!]) { territories(filter: {codes: $codes}, pacte: $p) { code "
				+ "actions { id themes { slug } territories { code } } themes { slug } fundingLines { id } } }";
		Runnable twoTerritories = () -> fixture(query).variable("codes", List.of("2A", "HC")).execute()
			.path("territories").entityList(Object.class).hasSize(2);
		Runnable allTerritories = () -> fixture(query).execute()
			.path("territories").entityList(Object.class).hasSizeGreaterThan(1000);
		int forTwo = counter.count(twoTerritories);
		int forAll = counter.count(allTerritories);
		assertThat(forAll).isEqualTo(forTwo).isLessThanOrEqualTo(8);
	}

}
