package fr.pactecarto.pacte.edit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.pacte.document.PacteImporter;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.TestAccounts;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static fr.pactecarto.pacte.edit.EditClient.codes;
import static fr.pactecarto.pacte.edit.EditClient.data;
import static fr.pactecarto.support.TestData.FIXTURE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrators' mutations (priorities, themes, funding lines) and the editor of 83 on the PACA reference
 * pacte: editors are refused the former, the editor of 83 edits only what cites 83 alone. Both pactes are
 * imported again after each test.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
@SuppressWarnings("unchecked")
class AdminEditTests {

	@Autowired
	WebTestClient http;

	@Autowired
	ApplicationContext context;

	@Autowired
	PacteImporter importer;

	EditClient client;

	String admin;

	String editor;

	@BeforeEach
	void accounts() {
		TestAccounts.ensureCreated(this.context);
		this.client = new EditClient(this.http);
		this.admin = TestAccounts.token(this.context, TestAccounts.ADMIN);
		this.editor = TestAccounts.token(this.context, TestAccounts.EDITOR);
	}

	@AfterEach
	void reimport() {
		this.importer.importResource(new ClassPathResource("pactes/fixture-corse-2099.yaml"), "pactes/fixture-corse-2099.yaml");
		this.importer.importResource(new ClassPathResource("pactes/paca-2024.yaml"), "pactes/paca-2024.yaml");
	}

	@Test
	void administratorsChangeThemesPrioritiesAndFundingLinesEditorsDoNot() {
		Map<String, Object> read = data(this.client.send(null, """
				query($p: ID) { pacte(id: $p) {
				  themes { slug label headline version } axes { priorities { id title version } }
				  funding { lines { id label amount version partners { code } } } } }""", Map.of("p", FIXTURE)), "pacte");
		Map<String, Object> theme = ((List<Map<String, Object>>) read.get("themes")).get(1);
		Map<String, Object> priority = ((List<Map<String, Object>>) ((List<Map<String, Object>>) read.get("axes")).get(0)
			.get("priorities")).get(0);
		Map<String, Object> line = ((List<Map<String, Object>>) ((Map<String, Object>) read.get("funding")).get("lines")).get(0);

		String updateTheme = "mutation($i: UpdateThemeInput!) { updateTheme(input: $i) { slug label headline version } }";
		Map<String, Object> themeInput = Map.of("pacte", FIXTURE, "slug", theme.get("slug"), "version", theme.get("version"),
				"label", "Logement renommé", "headline", true);
		assertThat(codes(this.client.send(this.editor, updateTheme, Map.of("i", themeInput)))).containsExactly("FORBIDDEN null");
		Map<String, Object> changed = data(this.client.send(this.admin, updateTheme, Map.of("i", themeInput)), "updateTheme");
		assertThat(changed).containsEntry("label", "Logement renommé").containsEntry("headline", true);
		assertThat(codes(this.client.send(this.admin, updateTheme, Map.of("i", themeInput)))).containsExactly("CONFLICT input.version");

		Map<String, Object> created = data(this.client.send(this.admin,
				"mutation($i: CreateThemeInput!) { createTheme(input: $i) { slug label actionCount version } }",
				Map.of("i", Map.of("pacte", FIXTURE, "slug", "essai-sante", "label", "Santé d'essai"))), "createTheme");
		assertThat(created).containsEntry("slug", "essai-sante").containsEntry("actionCount", 0);
		assertThat(codes(this.client.send(this.admin, "mutation($i: CreateThemeInput!) { createTheme(input: $i) { slug } }",
				Map.of("i", Map.of("pacte", FIXTURE, "slug", "essai sante", "label", " "))))).containsExactly(
						"INVALID_VALUE input.slug", "REQUIRED input.label");

		Map<String, Object> renamed = data(this.client.send(this.admin,
				"mutation($i: UpdatePriorityInput!) { updatePriority(input: $i) { id title version } }",
				Map.of("i", Map.of("pacte", FIXTURE, "id", priority.get("id"), "version", priority.get("version"),
						"title", "PRIORITÉ RENOMMÉE"))), "updatePriority");
		assertThat(renamed).containsEntry("title", "PRIORITÉ RENOMMÉE");

		String updateLine = """
				mutation($i: UpdateFundingLineInput!) { updateFundingLine(input: $i) { id label amount partners { code } version } }""";
		Map<String, Object> lineInput = new java.util.HashMap<>(Map.of("pacte", FIXTURE, "id", line.get("id"), "version",
				line.get("version"), "instrument", "CLS", "label", "Contrats revus", "partnerKind", "DEPARTMENT", "amount",
				250000, "partners", List.of("2A")));
		Map<String, Object> revised = data(this.client.send(this.admin, updateLine, Map.of("i", lineInput)), "updateFundingLine");
		assertThat(revised).containsEntry("amount", 250000).containsEntry("partners", List.of(Map.of("code", "2A")));
		lineInput.putAll(Map.of("version", revised.get("version"), "instrument", "XYZ", "amount", -1,
				"partners", List.of("2A", "ZZ")));
		assertThat(codes(this.client.send(this.admin, updateLine, Map.of("i", lineInput)))).containsExactly(
				"INVALID_VALUE input.instrument", "INVALID_VALUE input.amount", "UNKNOWN_TERRITORY input.partners[1]");
		assertThat(data(this.client.send(null, "query($p: ID) { funding(pacte: $p) { total } }", Map.of("p", FIXTURE)),
				"funding").toString()).contains("total=300000");

		List<Map<String, Object>> trail = (List<Map<String, Object>>) ((Map<String, Object>) data(this.client.send(null,
				"query($p: ID) { changes(pacte: $p, first: 100) { totalCount edges { node { entity entityId operation } } } }",
				Map.of("p", FIXTURE)), "changes")).get("edges");
		assertThat(trail.stream().map(edge -> edge.get("node").toString()).toList()).contains(
				"{entity=THEME, entityId=essai-logement, operation=UPDATE}", "{entity=THEME, entityId=essai-sante, operation=CREATE}",
				"{entity=PRIORITY, entityId=axe1-p1, operation=UPDATE}",
				"{entity=FUNDING_LINE, entityId=cls-departements, operation=UPDATE}");
	}

	@Test
	void theEditorOf83EditsOnlyWhatCites83AloneInPaca() {
		String token = TestAccounts.token(this.context, TestAccounts.EDITOR_83);
		String query = "query($id: ID!) { action(id: $id) { id version label priority { id } citedAs themes { slug } } }";
		Map<String, Object> only83 = data(this.client.send(null, query, Map.of("id", "axe3-p1-a4")), "action");
		assertThat(only83.get("citedAs")).isEqualTo(List.of("83"));
		String update = "mutation($i: UpdateActionInput!) { updateAction(input: $i) { label updatedBy } }";
		Map<String, Object> input = new java.util.HashMap<>(Map.of("id", "axe3-p1-a4", "version", only83.get("version"),
				"priority", ((Map<String, Object>) only83.get("priority")).get("id"), "label", "Bilan global des droits (Var)",
				"themes", ((List<Map<String, Object>>) only83.get("themes")).stream().map(t -> t.get("slug")).toList(),
				"citedAs", List.of("83")));
		Map<String, Object> updated = data(this.client.send(token, update, Map.of("i", input)), "updateAction");
		assertThat(updated).containsEntry("updatedBy", TestAccounts.EDITOR_83);
		// An action the Var shares with other territories (06, 13, TPM…) is not the Var's agent's to change.
		Map<String, Object> shared = data(this.client.send(null, query, Map.of("id", "axe3-p1-a3")), "action");
		input.putAll(Map.of("id", "axe3-p1-a3", "version", shared.get("version"), "citedAs", shared.get("citedAs"),
				"priority", ((Map<String, Object>) shared.get("priority")).get("id")));
		assertThat(codes(this.client.send(token, update, Map.of("i", input)))).contains("FORBIDDEN input.id");
	}

}
