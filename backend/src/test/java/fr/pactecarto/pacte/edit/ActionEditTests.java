package fr.pactecarto.pacte.edit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import fr.pactecarto.pacte.document.PacteExporter;
import fr.pactecarto.pacte.document.PacteImportReport;
import fr.pactecarto.pacte.document.PacteImporter;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.TestAccounts;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static fr.pactecarto.pacte.edit.EditClient.codes;
import static fr.pactecarto.pacte.edit.EditClient.data;
import static fr.pactecarto.support.TestData.FIXTURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The action mutations over HTTP against the real database, on the fixture pacte (re-imported after each test):
 * who may do what (anonymous, an editor of 2A, an editor of every territory, an administrator), every validation
 * error at once with nothing written, the conflict of two concurrent updates, archive and restore, the audit
 * rows, and the export reflecting every edit.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
@SuppressWarnings("unchecked")
class ActionEditTests {

	static final String ACTION = """
			query($p: ID, $id: ID!) {
			  action(pacte: $p, id: $id) {
			    id label category instrument note version archived updatedBy updatedAt citedAs
			    themes { slug } priority { id } parent { id }
			    history { operation actor via before after changedFields }
			  }
			}""";

	static final String UPDATE = """
			mutation($input: UpdateActionInput!) {
			  updateAction(input: $input) { id label version updatedBy citedAs themes { slug } territories { code } }
			}""";

	static final String CREATE = """
			mutation($input: CreateActionInput!) {
			  createAction(input: $input) { id label version priority { id } parent { id } citedAs }
			}""";

	static final String ARCHIVE = "mutation($input: ActionVersionInput!) { archiveAction(input: $input) { id archived version } }";

	static final String RESTORE = "mutation($input: ActionVersionInput!) { restoreAction(input: $input) { id archived version } }";

	private static final String FIXTURE_FILE = "pactes/fixture-corse-2099.yaml";

	@Autowired
	WebTestClient http;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PacteImporter importer;

	@Autowired
	PacteExporter exporter;

	EditClient client;

	String admin;

	String editor2a;

	String editor;

	@BeforeEach
	void accounts() {
		TestAccounts.ensureCreated(this.context);
		this.client = new EditClient(this.http);
		this.admin = TestAccounts.token(this.context, TestAccounts.ADMIN);
		this.editor2a = TestAccounts.token(this.context, TestAccounts.EDITOR_2A);
		this.editor = TestAccounts.token(this.context, TestAccounts.EDITOR);
	}

	@AfterEach
	void reimportTheFixture() {
		this.importer.importResource(new ClassPathResource(FIXTURE_FILE), FIXTURE_FILE);
	}

	Map<String, Object> action(String token, String id) {
		return data(this.client.send(token, ACTION, Map.of("p", FIXTURE, "id", id)), "action");
	}

	/** The whole state of an action as an update input, at its current version. */
	Map<String, Object> input(Map<String, Object> action) {
		Map<String, Object> input = new HashMap<>();
		input.put("pacte", FIXTURE);
		input.put("id", action.get("id"));
		input.put("version", action.get("version"));
		input.put("priority", ((Map<String, Object>) action.get("priority")).get("id"));
		Map<String, Object> parent = (Map<String, Object>) action.get("parent");
		input.put("parent", (parent != null) ? parent.get("id") : null);
		input.put("label", action.get("label"));
		input.put("category", action.get("category"));
		input.put("instrument", action.get("instrument"));
		input.put("themes", ((List<Map<String, Object>>) action.get("themes")).stream().map(t -> t.get("slug")).toList());
		input.put("citedAs", action.get("citedAs"));
		input.put("note", action.get("note"));
		return input;
	}

	Map<String, Object> with(Map<String, Object> input, Object... pairs) {
		Map<String, Object> changed = new HashMap<>(input);
		for (int i = 0; i < pairs.length; i += 2) {
			changed.put((String) pairs[i], pairs[i + 1]);
		}
		return changed;
	}

	@Test
	void anonymousRequestsCannotChangeAnything() {
		Map<String, Object> answer = this.client.send(null, ARCHIVE,
				Map.of("input", Map.of("pacte", FIXTURE, "id", "axe1-p1-a2", "version", 1)));
		assertThat(codes(answer)).containsExactly("UNAUTHENTICATED null");
		assertThat(EditClient.errors(answer).get(0).get("extensions").toString()).contains("field=archiveAction");
		assertThat(action(null, "axe1-p1-a2")).containsEntry("archived", false);
	}

	@Test
	void anEditorOf2AChangesAnActionCiting2AAndTheChangeIsAudited() {
		Map<String, Object> before = action(null, "axe1-p1-a1");
		// As imported (the trail outlives re-imports: it may hold changes of earlier tests).
		assertThat(before).containsEntry("updatedBy", null);
		int changesBefore = ((List<?>) before.get("history")).size();
		// Cached before the change: the writer must not see this answer again after it.
		action(this.editor2a, "axe1-p1-a1");
		Map<String, Object> updated = data(this.client.send(this.editor2a, UPDATE, Map.of("input",
				with(input(before), "label", "  Action fictive reformulée  ", "themes", List.of("mobilite", "essai-logement")))),
				"updateAction");
		assertThat(updated).containsEntry("label", "Action fictive reformulée").containsEntry("updatedBy",
				TestAccounts.EDITOR_2A);
		assertThat(updated.get("version")).isNotEqualTo(before.get("version"));
		Map<String, Object> after = action(this.editor2a, "axe1-p1-a1");
		assertThat(after).containsEntry("label", "Action fictive reformulée").containsEntry("version", updated.get("version"));
		List<Map<String, Object>> history = (List<Map<String, Object>>) after.get("history");
		assertThat(history).hasSize(Math.min(changesBefore + 1, Audit.HISTORY_SIZE));
		Map<String, Object> change = history.get(0);
		assertThat(change).containsEntry("operation", "UPDATE").containsEntry("actor", TestAccounts.EDITOR_2A)
			.containsEntry("changedFields", List.of("label", "themes"));
		assertThat(change.get("via").toString()).startsWith("token ");
		assertThat((Map<String, Object>) change.get("before")).containsEntry("label", before.get("label"))
			.containsEntry("version", before.get("version"));
		assertThat((Map<String, Object>) change.get("after")).containsEntry("label", "Action fictive reformulée")
			.containsEntry("themes", List.of("mobilite", "essai-logement"));
		// The audit row is in the database, with the same before/after.
		assertThat(this.jdbc.queryForObject("SELECT after->>'label' FROM pacte_change WHERE pacte_id = ? AND entity = 'ACTION' "
				+ "AND entity_id = 'axe1-p1-a1' ORDER BY id DESC LIMIT 1", String.class, FIXTURE))
			.isEqualTo("Action fictive reformulée");
	}

	@Test
	void anEditorOf2ACannotTouchAnActionCitingAnotherTerritoryNorMakeOneCiteIt() {
		Map<String, Object> of2b = action(null, "axe1-p1-a2");
		// Before and after the change, it would cite 2B: both refused, at once.
		assertThat(codes(this.client.send(this.editor2a, UPDATE, Map.of("input", with(input(of2b), "label", "x")))))
			.containsExactly("FORBIDDEN input.id", "FORBIDDEN input.citedAs");
		Map<String, Object> mixed = action(null, "axe2-p1-a1");
		assertThat(codes(this.client.send(this.editor2a, UPDATE, Map.of("input", with(input(mixed), "citedAs", List.of("2A"))))))
			.containsExactly("FORBIDDEN input.id");
		Map<String, Object> own = action(null, "axe1-p1-a1");
		assertThat(codes(this.client.send(this.editor2a, UPDATE, Map.of("input", with(input(own), "citedAs", List.of("2A", "HC"))))))
			.containsExactly("FORBIDDEN input.citedAs");
		assertThat(codes(this.client.send(this.editor2a, UPDATE, Map.of("input", with(input(own), "citedAs", List.of())))))
			.containsExactly("FORBIDDEN input.citedAs");
		assertThat(codes(this.client.send(this.editor2a, ARCHIVE,
				Map.of("input", Map.of("pacte", FIXTURE, "id", "axe2-p1-a2", "version", action(null, "axe2-p1-a2").get("version"))))))
			.containsExactly("FORBIDDEN input.id");
		// Nothing was written.
		assertThat(action(null, "axe1-p1-a1")).containsEntry("version", own.get("version"));
		assertThat(action(null, "axe1-p1-a2")).containsEntry("version", of2b.get("version"));
		// Every territory for an editor without territories, and for administrators.
		Map<String, Object> byEditor = data(this.client.send(this.editor, UPDATE,
				Map.of("input", with(input(of2b), "label", "par l'éditeur"))), "updateAction");
		assertThat(byEditor).containsEntry("label", "par l'éditeur");
		Map<String, Object> byAdmin = data(this.client.send(this.admin, UPDATE,
				Map.of("input", with(input(mixed), "citedAs", List.of("2A")))), "updateAction");
		assertThat(byAdmin).containsEntry("citedAs", List.of("2A"));
		// And an editor of 2A creates an action citing 2A only.
		Map<String, Object> created = data(this.client.send(this.editor2a, CREATE, Map.of("input", Map.of("pacte", FIXTURE,
				"priority", "axe1-p1", "label", "Nouvelle action de 2A", "themes", List.of(), "citedAs", List.of("2a")))),
				"createAction");
		assertThat(created).containsEntry("id", "axe1-p1-a3");
		assertThat(codes(this.client.send(this.editor2a, CREATE, Map.of("input", Map.of("pacte", FIXTURE,
				"priority", "axe1-p1", "label", "Hors de 2A", "themes", List.of(), "citedAs", List.of("2A", "2B"))))))
			.containsExactly("FORBIDDEN input.citedAs");
	}

	@Test
	void everyBadFieldIsReportedAtOnceAndNothingIsWritten() {
		Map<String, Object> before = action(null, "axe1-p1-a1");
		long changes = this.jdbc.queryForObject("SELECT count(*) FROM pacte_change", Long.class);
		Map<String, Object> answer = this.client.send(this.admin, UPDATE, Map.of("input", with(input(before), "label", "   ",
				"priority", "axe9-p9", "parent", "nope", "themes", List.of("mobilite", "mobilit", "mobilite"),
				"citedAs", List.of("2A", "99", " "), "note", "n".repeat(20001), "version", 1)));
		assertThat(codes(answer)).containsExactlyInAnyOrder("REQUIRED input.label", "TOO_LONG input.note",
				"REQUIRED input.priority".replace("REQUIRED", "UNKNOWN_PRIORITY"), "UNKNOWN_ACTION input.parent",
				"UNKNOWN_THEME input.themes[1]", "DUPLICATE input.themes[2]", "UNKNOWN_TERRITORY input.citedAs[1]",
				"REQUIRED input.citedAs[2]", "CONFLICT input.version");
		assertThat(answer.get("data")).isNull();
		assertThat(action(null, "axe1-p1-a1")).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pacte_change", Long.class)).isEqualTo(changes);

		Map<String, Object> sub = action(null, "axe1-p1-a1-s1");
		assertThat(codes(this.client.send(this.admin, UPDATE, Map.of("input", with(input(sub), "parent", "axe2-p1-a1")))))
			.containsExactly("INVALID_PARENT input.parent");
		assertThat(codes(this.client.send(this.admin, UPDATE, Map.of("input", with(input(before), "parent", "axe1-p1-a2")))))
			.containsExactly("INVALID_PARENT input.parent");
		assertThat(codes(this.client.send(this.admin, UPDATE, Map.of("input", with(input(before), "id", "missing")))))
			.containsExactly("UNKNOWN_ACTION input.id");
		assertThat(codes(this.client.send(this.admin, CREATE, Map.of("input", Map.of("pacte", FIXTURE, "id", "axe1-p1-a2",
				"priority", "axe1-p1", "label", "doublon", "themes", List.of(), "citedAs", List.of())))))
			.containsExactly("DUPLICATE input.id");
		assertThat(codes(this.client.send(this.admin, CREATE, Map.of("input", Map.of("pacte", "00-1999",
				"priority", "axe1-p1", "label", "x", "themes", List.of(), "citedAs", List.of())))))
			.containsExactly("UNKNOWN_PACTE input.pacte");
	}

	@Test
	void twoConcurrentUpdatesOfTheSameVersionNeverLoseOne() {
		Map<String, Object> before = action(null, "axe2-p1-a1");
		List<Map<String, Object>> answers = Flux.range(0, 2)
			.flatMap(i -> Mono.fromCallable(() -> this.client.send(i == 0 ? this.admin : this.editor, UPDATE,
					Map.of("input", with(input(before), "label", "Version " + i)))).subscribeOn(Schedulers.boundedElastic()))
			.collectList()
			.block(Duration.ofSeconds(30));
		List<Map<String, Object>> won = answers.stream().filter(answer -> answer.get("errors") == null).toList();
		List<Map<String, Object>> lost = answers.stream().filter(answer -> answer.get("errors") != null).toList();
		assertThat(won).hasSize(1);
		assertThat(lost).hasSize(1);
		assertThat(codes(lost.get(0))).containsExactly("CONFLICT input.version");
		Map<String, Object> extensions = (Map<String, Object>) EditClient.errors(lost.get(0)).get(0).get("extensions");
		Map<String, Object> current = (Map<String, Object>) extensions.get("current");
		Map<String, Object> winner = data(won.get(0), "updateAction");
		assertThat(current).containsEntry("label", winner.get("label")).containsEntry("version", winner.get("version"));
		assertThat(extensions.get("updatedBy")).isEqualTo(winner.get("updatedBy"));
		assertThat(EditClient.errors(lost.get(0)).get(0).get("message").toString()).contains("changed since version",
				"by " + winner.get("updatedBy"));
		// Exactly one change in the trail, the winner's.
		List<Map<String, Object>> history = (List<Map<String, Object>>) action(null, "axe2-p1-a1").get("history");
		assertThat(history).filteredOn(change -> ((Map<String, Object>) change.get("after")).get("version")
			.equals(winner.get("version")) || ((Map<String, Object>) change.get("before")).get("version")
			.equals(before.get("version"))).hasSize(1);
		assertThat(action(null, "axe2-p1-a1")).containsEntry("label", winner.get("label"));
	}

	@Test
	void anArchivedActionLeavesTheReadsKeepsItsHistoryAndComesBack() {
		String listed = "query($p: ID) { actions(pacte: $p) { totalCount edges { node { id } } } "
				+ "coverage(pacte: $p, theme: \"essai-logement\") { territory { code } actionCount } "
				+ "themes(pacte: $p) { slug actionCount } }";
		Map<String, Object> before = data(this.client.send(null, listed, Map.of("p", FIXTURE)));
		Map<String, Object> a2 = action(null, "axe1-p1-a2");
		Map<String, Object> archived = data(this.client.send(this.admin, ARCHIVE,
				Map.of("input", Map.of("pacte", FIXTURE, "id", "axe1-p1-a2", "version", a2.get("version")))), "archiveAction");
		assertThat(archived).containsEntry("archived", true);
		Map<String, Object> after = data(this.client.send(null, listed, Map.of("p", FIXTURE)));
		assertThat(((Map<String, Object>) after.get("actions")).get("totalCount"))
			.isEqualTo((Integer) ((Map<String, Object>) before.get("actions")).get("totalCount") - 1);
		assertThat(after.get("actions").toString()).doesNotContain("axe1-p1-a2");
		assertThat(after.get("coverage").toString()).doesNotContain("code=2B, actionCount=1").isNotEqualTo(before.get("coverage").toString());
		assertThat(after.get("themes").toString()).isNotEqualTo(before.get("themes").toString());
		// Still readable by id, with its history; the export says archived.
		Map<String, Object> read = action(null, "axe1-p1-a2");
		assertThat(read).containsEntry("archived", true);
		assertThat(((List<Map<String, Object>>) read.get("history")).get(0)).containsEntry("operation", "ARCHIVE")
			.containsEntry("changedFields", List.of("archived"));
		String exported = this.exporter.exportYaml(FIXTURE);
		assertThat(exported).contains("archived: true");
		assertThat(this.importer.importDocument("archived.yaml",
				new java.io.ByteArrayInputStream(exported.getBytes(java.nio.charset.StandardCharsets.UTF_8))).outcome())
			.isEqualTo(PacteImportReport.Outcome.UNCHANGED);
		// Archiving again, or updating it, says why not.
		assertThat(codes(this.client.send(this.admin, ARCHIVE,
				Map.of("input", Map.of("pacte", FIXTURE, "id", "axe1-p1-a2", "version", read.get("version"))))))
			.containsExactly("INVALID_STATE input.id");
		assertThat(codes(this.client.send(this.admin, UPDATE, Map.of("input", with(input(read), "label", "x")))))
			.containsExactly("INVALID_STATE input.id");
		// An action with live sub-actions is not archived.
		assertThat(codes(this.client.send(this.admin, ARCHIVE, Map.of("input", Map.of("pacte", FIXTURE, "id", "axe1-p1-a1",
				"version", action(null, "axe1-p1-a1").get("version")))))).containsExactly("INVALID_STATE input.id");

		Map<String, Object> restored = data(this.client.send(this.admin, RESTORE,
				Map.of("input", Map.of("pacte", FIXTURE, "id", "axe1-p1-a2", "version", read.get("version")))), "restoreAction");
		assertThat(restored).containsEntry("archived", false);
		assertThat(data(this.client.send(null, listed, Map.of("p", FIXTURE))).toString()).isEqualTo(before.toString());
		assertThat(((List<Map<String, Object>>) action(null, "axe1-p1-a2").get("history")))
			.extracting(change -> change.get("operation")).startsWith("RESTORE", "ARCHIVE");
	}

	@Test
	void aNewActionGoesLastInItsPriorityAndTheExportHoldsEveryEdit() {
		Map<String, Object> created = data(this.client.send(this.admin, CREATE, Map.of("input", Map.of("pacte", FIXTURE,
				"priority", "axe1-p1", "label", "Action ajoutée", "themes", List.of("essai-numerique"),
				"citedAs", List.of("HC")))), "createAction");
		assertThat(created).containsEntry("id", "axe1-p1-a3");
		Map<String, Object> sub = data(this.client.send(this.admin, CREATE, Map.of("input", Map.of("pacte", FIXTURE,
				"priority", "axe1-p1", "parent", "axe1-p1-a1", "label", "Sous-action ajoutée", "themes", List.of(),
				"citedAs", List.of("2A")))), "createAction");
		assertThat(sub).containsEntry("id", "axe1-p1-a1-s2");
		// Move a second-axis action under the first priority: reading order follows.
		Map<String, Object> moved = action(null, "axe2-p1-a3");
		data(this.client.send(this.admin, UPDATE, Map.of("input", with(input(moved), "priority", "axe1-p1"))), "updateAction");
		List<String> order = ((List<Map<String, Object>>) ((Map<String, Object>) data(
				this.client.send(null, "query($p: ID) { actions(pacte: $p) { edges { node { id } } } }", Map.of("p", FIXTURE)),
				"actions")).get("edges")).stream().map(edge -> (String) ((Map<String, Object>) edge.get("node")).get("id")).toList();
		assertThat(order).containsExactly("axe1-p1-a1", "axe1-p1-a1-s1", "axe1-p1-a1-s2", "axe1-p1-a2", "axe1-p1-a3",
				"axe2-p1-a3", "axe2-p1-a1", "axe2-p1-a2");
		// The export is the current state: importing it changes nothing.
		String yaml = this.exporter.exportYaml(FIXTURE);
		assertThat(yaml).contains("Action ajoutée", "Sous-action ajoutée");
		PacteImportReport again = this.importer.importDocument("export.yaml",
				new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(again.outcome()).isEqualTo(PacteImportReport.Outcome.UNCHANGED);
	}

	@Test
	void theAuditTrailIsAppendOnlyAndPaginated() {
		Map<String, Object> a1 = action(null, "axe1-p1-a1");
		String since = this.jdbc.queryForObject("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')",
				String.class);
		for (int i = 1; i <= 3; i++) {
			data(this.client.send(this.admin, UPDATE, Map.of("input", with(input(action(null, "axe1-p1-a1")),
					"label", "Libellé " + i))), "updateAction");
		}
		String page = """
				query($p: ID, $since: String, $after: String) {
				  changes(pacte: $p, since: $since, first: 2, after: $after) {
				    totalCount pageInfo { hasNextPage endCursor } edges { node { entity entityId operation actor after } }
				  }
				}""";
		Map<String, Object> first = data(this.client.send(null, page, Map.of("p", FIXTURE, "since", since)), "changes");
		assertThat(first.get("totalCount")).isEqualTo(3);
		assertThat(((Map<String, Object>) first.get("pageInfo"))).containsEntry("hasNextPage", true);
		assertThat(first.get("edges").toString()).contains("Libellé 1", "Libellé 2").doesNotContain("Libellé 3");
		Map<String, Object> vars = new HashMap<>(Map.of("p", FIXTURE, "since", since));
		vars.put("after", ((Map<String, Object>) first.get("pageInfo")).get("endCursor"));
		Map<String, Object> second = data(this.client.send(null, page, vars), "changes");
		assertThat(second.get("edges").toString()).contains("Libellé 3");
		assertThat(((Map<String, Object>) second.get("pageInfo"))).containsEntry("hasNextPage", false);
		assertThat(codes(this.client.send(null, page, Map.of("p", FIXTURE, "since", "hier")))).containsExactly("INVALID_ARGUMENT since");
		assertThat(codes(this.client.send(null, page, Map.of("p", FIXTURE, "after", "bm9wZQ")))).containsExactly("BAD_CURSOR after");
		// The database refuses to change or delete an entry; the API has no mutation for it.
		assertThatThrownBy(() -> this.jdbc.update("UPDATE pacte_change SET actor = 'someone else' WHERE pacte_id = ?", FIXTURE))
			.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("DELETE FROM pacte_change WHERE pacte_id = ?", FIXTURE))
			.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.execute("TRUNCATE pacte_change")).rootCause().hasMessageContaining("append-only");
		assertThat(EditClient.errors(this.client.send(this.admin, "mutation { deleteChange(id: 1) }", Map.of())).toString())
			.contains("ValidationError", "deleteChange");
		// Imports are in the trail too.
		this.importer.importResource(new ClassPathResource(FIXTURE_FILE), FIXTURE_FILE);
		assertThat(this.jdbc.queryForObject("SELECT operation || ' ' || (after->>'outcome') FROM pacte_change "
				+ "WHERE pacte_id = ? ORDER BY id DESC LIMIT 1", String.class, FIXTURE)).isEqualTo("IMPORT REPLACED");
	}

}
