package fr.pactecarto.pacte;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.pactecarto.live.DataVersion;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static fr.pactecarto.support.TestData.FIXTURE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several pactes side by side: the PACA reference pacte (the default) and the fixture pacte of Corse. Each
 * is answered for itself; nothing of one (ids, themes, aliases, cited territories) leaks into the other.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class PacteGraphQlTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void pactesListsEveryLoadedPacteByRegionThenYear() {
		this.graphQl.document("{ pactes { id regionCode year isDefault } }").execute()
			.path("pactes[*].id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsSubsequence("93-2024", FIXTURE))
			.path("pactes[?(@.isDefault == true)].id").entityList(String.class).containsExactly("93-2024");
	}

	@Test
	void aPacteIsFoundByIdByRegionAndYearOrByRegionAlone() {
		this.graphQl.document("""
				{ byId: pacte(id: "94-2099") { id year }
				  byRegionAndYear: pacte(region: "94", year: 2099) { id }
				  latestOfRegion: pacte(region: "94") { id }
				  default: pacte { id } }""")
			.execute()
			.path("byId.id").entity(String.class).isEqualTo(FIXTURE)
			.path("byId.year").entity(Integer.class).isEqualTo(2099)
			.path("byRegionAndYear.id").entity(String.class).isEqualTo(FIXTURE)
			.path("latestOfRegion.id").entity(String.class).isEqualTo(FIXTURE)
			.path("default.id").entity(String.class).isEqualTo("93-2024");
	}

	@Test
	void anUnknownPacteIsNullWithAnErrorNamingTheArgument() {
		this.graphQl.document("{ pacte(region: \"94\", year: 1999) { id } }").execute()
			.errors().expect(error -> "UNKNOWN_PACTE".equals(error.getExtensions().get("code"))
					&& "year".equals(error.getExtensions().get("argument")) && error.getMessage().contains("1999"))
			.verify()
			.path("pacte").valueIsNull();
		this.graphQl.document("{ pacte(year: 2024) { id } }").execute()
			.errors().expect(error -> "INVALID_ARGUMENT".equals(error.getExtensions().get("code"))
					&& "region".equals(error.getExtensions().get("argument")))
			.verify();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{ axes(pacte: \"00-0000\") { number } }", "{ themes(pacte: \"00-0000\") { slug } }",
			"{ axis(number: 1, pacte: \"00-0000\") { number } }", "{ actions(pacte: \"00-0000\") { totalCount } }",
			"{ action(id: \"axe1-p1-a1\", pacte: \"00-0000\") { id } }", "{ coverage(pacte: \"00-0000\") { actionCount } }",
			"{ funding(pacte: \"00-0000\") { total } }", "{ nationalMeasures(pacte: \"00-0000\") { announcedCount } }",
			"{ localPactFramework(pacte: \"00-0000\") { title } }", "{ source(pacte: \"00-0000\") { title } }",
			"{ territory(code: \"13\", pacte: \"00-0000\") { code } }",
			"{ territories(filter: {kinds: [REGION]}, pacte: \"00-0000\") { code } }",
			"{ territoriesAt(lon: 5.37, lat: 43.3, pacte: \"00-0000\") { code } }" })
	void everyRootFieldRefusesAnUnknownPacte(String query) {
		this.graphQl.document(query).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
			.satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("code", "UNKNOWN_PACTE").containsEntry("argument", "pacte");
				assertThat(error.getMessage()).contains("00-0000");
			}));
	}

	@Test
	void theSameIdsAndSlugsMeanDifferentThingsInEachPacte() {
		this.graphQl.document("""
				query($fixture: ID) {
				  paca: action(id: "axe1-p1-a1") { label themes { slug label } }
				  fixture: action(id: "axe1-p1-a1", pacte: $fixture) { label themes { slug label } }
				  pacaMobility: themes { slug label actionCount }
				  fixtureMobility: themes(pacte: $fixture) { slug label actionCount }
				  pacaCount: actions { totalCount }
				  fixtureCount: actions(pacte: $fixture) { totalCount }
				}""").variable("fixture", FIXTURE).execute()
			.path("paca.label").entity(String.class).isEqualTo("Soutien à la parentalité, notamment familles monoparentales et jeunes")
			.path("fixture.label").entity(String.class).isEqualTo("Action fictive reprenant un identifiant de PACA")
			.path("fixture.themes[*].label").entityList(String.class).containsExactly("Mobilité fictive")
			.path("pacaMobility[0].label").entity(String.class).isEqualTo("Mobilité")
			.path("fixtureMobility[*].slug").entityList(String.class).containsExactly("mobilite", "essai-logement", "essai-numerique")
			.path("fixtureMobility[0].actionCount").entity(Integer.class).isEqualTo(3)
			.path("pacaCount.totalCount").entity(Integer.class).isEqualTo(40)
			.path("fixtureCount.totalCount").entity(Integer.class).isEqualTo(6);
	}

	@Test
	void aliasesAndCitedTerritoriesStayInTheirPacte() {
		this.graphQl.document("""
				query($fixture: ID) {
				  hc: territory(code: "HC", pacte: $fixture) { code aliases actions { id } fundingLines { id } }
				  bouchesDuRhone: territory(code: "13", pacte: $fixture) { aliases actions { id } themes { slug } fundingLines { id } }
				  corseDuSud: territory(code: "2A") { actions { id } themes { slug } }
				  marseille: territory(code: "13055", pacte: $fixture) { aliases }
				}""").variable("fixture", FIXTURE).execute()
			.path("hc.code").entity(String.class).isEqualTo("2B")
			.path("hc.aliases").entityList(String.class).containsExactly("HC")
			.path("hc.actions[*].id").entityList(String.class)
			.containsExactly("axe1-p1-a1-s1", "axe1-p1-a2", "axe2-p1-a1", "axe2-p1-a3")
			.path("hc.fundingLines[*].id").entityList(String.class).containsExactly("cls-departements")
			.path("bouchesDuRhone.actions").entityList(Object.class).hasSize(0)
			.path("bouchesDuRhone.themes").entityList(Object.class).hasSize(0)
			.path("bouchesDuRhone.fundingLines").entityList(Object.class).hasSize(0)
			.path("corseDuSud.actions").entityList(Object.class).hasSize(0)
			.path("corseDuSud.themes").entityList(Object.class).hasSize(0)
			.path("marseille.aliases").entityList(String.class).hasSize(0);
		this.graphQl.document("query($fixture: ID) { territory(code: \"AMP\", pacte: $fixture) { code } }")
			.variable("fixture", FIXTURE).execute()
			.errors().expect(error -> "UNKNOWN_TERRITORY".equals(error.getExtensions().get("code"))).verify();
		this.graphQl.document("{ territory(code: \"HC\") { code } }").execute()
			.errors().expect(error -> "UNKNOWN_TERRITORY".equals(error.getExtensions().get("code"))).verify();
	}

	@Test
	void theFixturesMapIsItsRegionAndItsDepartmentsOnly() {
		this.graphQl.document("""
				query($fixture: ID) { pacte(id: $fixture) { region { code name }
				  mapLayers { key label itemLabel territories { code } } } }""")
			.variable("fixture", FIXTURE).execute()
			.path("pacte.region.code").entity(String.class).isEqualTo("94")
			.path("pacte.region.name").entity(String.class).isEqualTo("Corse")
			.path("pacte.mapLayers[*].key").entityList(String.class).containsExactly("departements")
			.path("pacte.mapLayers[0].itemLabel").entity(String.class).isEqualTo("Département de test")
			.path("pacte.mapLayers[0].territories[*].code").entityList(String.class).containsExactly("2A", "2B");
	}

	@Test
	void pacteFieldsAnswerAsTheRootFieldsForThatPacte() {
		var response = this.graphQl.document("""
				query($p: ID) {
				  pacte(id: $p) { coverage(theme: "mobilite") { territory { code } actionCount } funding { total }
				    axes { number } themes { slug } nationalMeasures { announcedCount } localPactFramework { title }
				    actions(first: 2) { edges { node { id } } } action(id: "axe2-p1-a3") { label } source { title } }
				  coverage(theme: "mobilite", pacte: $p) { territory { code } actionCount } funding(pacte: $p) { total }
				  axes(pacte: $p) { number } themes(pacte: $p) { slug } nationalMeasures(pacte: $p) { announcedCount }
				  localPactFramework(pacte: $p) { title } actions(first: 2, pacte: $p) { edges { node { id } } }
				  action(id: "axe2-p1-a3", pacte: $p) { label } source(pacte: $p) { title }
				}""").variable("p", FIXTURE).execute();
		for (String field : List.of("coverage", "funding", "axes", "themes", "nationalMeasures", "localPactFramework",
				"actions", "action", "source")) {
			Object root = response.path(field).entity(Object.class).get();
			response.path("pacte." + field).entity(Object.class).isEqualTo(root);
		}
		response.path("coverage[*].territory.code").entityList(String.class).containsExactly("2A", "2B");
	}

	@Test
	void aCitedCodeIsResolvedAtEachRequestNeverCached(@Autowired JdbcTemplate jdbc, @Autowired DataVersion version) {
		String query = "query($p: ID) { action(id: \"axe2-p1-a2\", pacte: $p) { territories { code } } }";
		this.graphQl.document(query).variable("p", FIXTURE).execute()
			.path("action.territories").entityList(Object.class).hasSize(0);
		// What an edit of the pacte would do: the action cites the alias of Haute-Corse. The next answer after
		// the change is announced (the response cache keys by the data's version) resolves it.
		long before = version.current();
		jdbc.update("UPDATE pacte_action SET cited_as = '{HC}' WHERE pacte_id = ? AND id = 'axe2-p1-a2'", FIXTURE);
		try {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> version.current() > before);
			this.graphQl.document(query).variable("p", FIXTURE).execute()
				.path("action.territories[*].code").entityList(String.class).containsExactly("2B");
		}
		finally {
			jdbc.update("UPDATE pacte_action SET cited_as = '{}' WHERE pacte_id = ? AND id = 'axe2-p1-a2'", FIXTURE);
		}
	}

	@Test
	void aPacteKeptForTheNextRequestsIsReadAgainOnceTheDataChanges(@Autowired JdbcTemplate jdbc,
			@Autowired DataVersion version) {
		// Root fields take a pacte read at this version from memory, without a statement: a change by any instance
		// (here plain SQL, as another instance's edit) is answered by the next request told of it.
		String query = "query($p: ID) { source(pacte: $p) { title } }";
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> version.current() != DataVersion.UNKNOWN);
		String title = this.graphQl.document(query).variable("p", FIXTURE).execute().path("source.title").entity(String.class).get();
		this.graphQl.document(query).variable("p", FIXTURE).execute().path("source.title").entity(String.class).isEqualTo(title);
		long before = version.current();
		jdbc.update("UPDATE pacte SET source_title = source_title || ' (corrigé)' WHERE id = ?", FIXTURE);
		try {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> version.current() > before);
			this.graphQl.document(query).variable("p", FIXTURE).execute().path("source.title").entity(String.class)
				.isEqualTo(title + " (corrigé)");
		}
		finally {
			jdbc.update("UPDATE pacte SET source_title = ? WHERE id = ?", title, FIXTURE);
		}
	}

}
