package fr.pactecarto.pacte.edit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import io.r2dbc.spi.Readable;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.Batches;
import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.database.QueryDatabase;
import fr.pactecarto.pacte.Pacte;
import fr.pactecarto.pacte.Pactes;
import fr.pactecarto.pacte.action.Action;
import fr.pactecarto.pacte.action.Priority;
import fr.pactecarto.pacte.action.Theme;
import fr.pactecarto.pacte.funding.FundingLine;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * GraphQL of the edits (schema/edit.graphqls): the mutations (editors: actions; administrators: also priorities,
 * themes, funding lines), the bookkeeping fields of the editable objects, the audit trail.
 */
@Controller
class EditController {

	private static final String META_LOADER = "actionEditMeta";

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 100;

	/** The {@code CreateActionInput} input. */
	record CreateActionInput(String pacte, String id, String priority, String parent, String label, String category,
			String instrument, List<String> themes, List<String> citedAs, String note) {

		ActionEdits.Draft draft() {
			return new ActionEdits.Draft(this.priority, this.parent, this.label, this.category, this.instrument,
					this.themes, this.citedAs, this.note);
		}

	}

	/** The {@code UpdateActionInput} input. */
	record UpdateActionInput(String pacte, String id, int version, String priority, String parent, String label,
			String category, String instrument, List<String> themes, List<String> citedAs, String note) {

		ActionEdits.Draft draft() {
			return new ActionEdits.Draft(this.priority, this.parent, this.label, this.category, this.instrument,
					this.themes, this.citedAs, this.note);
		}

	}

	/** The {@code ActionVersionInput} input. */
	record ActionVersionInput(String pacte, String id, int version) {
	}

	/** The {@code UpdatePriorityInput} input. */
	record UpdatePriorityInput(String pacte, String id, int version, String title) {
	}

	/** The {@code CreateThemeInput} input. */
	record CreateThemeInput(String pacte, String slug, String label, Boolean headline) {
	}

	/** The {@code UpdateThemeInput} input. */
	record UpdateThemeInput(String pacte, String slug, int version, String label, boolean headline) {
	}

	/** The {@code UpdateFundingLineInput} input. */
	record UpdateFundingLineInput(String pacte, String id, int version, String instrument, String label,
			String partnerKind, Integer contractCount, Integer amount, List<String> partners, String note) {
	}

	/** An action's bookkeeping, loaded once for all its fields and all actions of an answer. */
	record Meta(long version, boolean archived, OffsetDateTime updatedAt, String updatedBy) {
	}

	private final ActionEdits actionEdits;

	private final AdminEdits adminEdits;

	private final Audit audit;

	private final Pactes pactes;

	private final DatabaseClient db;

	// Versions and states answer queries (and the form a planner edits from): read where the rest of the answer is.
	EditController(ActionEdits actionEdits, AdminEdits adminEdits, Audit audit, Pactes pactes, QueryDatabase reads,
			BatchLoaderRegistry loaders) {
		this.actionEdits = actionEdits;
		this.adminEdits = adminEdits;
		this.audit = audit;
		this.pactes = pactes;
		this.db = reads.client();
		loaders.<Map.Entry<String, String>, Meta>forName(META_LOADER)
			.registerMappedBatchLoader((keys, env) -> this.db.sql("""
					SELECT a.pacte_id, a.id, a.version, a.archived_at IS NOT NULL AS archived, a.updated_at, a.updated_by
					FROM unnest(CAST(:pactes AS text[]), CAST(:ids AS text[])) AS k(pacte_id, id)
					JOIN pacte_action a ON a.pacte_id = k.pacte_id AND a.id = k.id
					""")
				.bind("pactes", keys.stream().map(Map.Entry::getKey).toArray(String[]::new))
				.bind("ids", keys.stream().map(Map.Entry::getValue).toArray(String[]::new))
				.map(row -> Map.entry(Map.entry(row.get("pacte_id", String.class), row.get("id", String.class)),
						new Meta(row.get("version", Long.class), row.get("archived", Boolean.class),
								row.get("updated_at", OffsetDateTime.class), row.get("updated_by", String.class))))
				.all()
				.collectMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	// --- mutations

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Mono<Action> createAction(@Argument CreateActionInput input) {
		return this.actionEdits.create(input.pacte(), input.id(), input.draft());
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Mono<Action> updateAction(@Argument UpdateActionInput input) {
		return this.actionEdits.update(input.pacte(), input.id(), input.version(), input.draft());
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Mono<Action> archiveAction(@Argument ActionVersionInput input) {
		return this.actionEdits.archive(input.pacte(), input.id(), input.version(), true);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Mono<Action> restoreAction(@Argument ActionVersionInput input) {
		return this.actionEdits.archive(input.pacte(), input.id(), input.version(), false);
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	Mono<Priority> updatePriority(@Argument UpdatePriorityInput input) {
		return this.adminEdits.updatePriority(input.pacte(), input.id(), input.version(), input.title());
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	Mono<Theme> createTheme(@Argument CreateThemeInput input) {
		return this.adminEdits.createTheme(input.pacte(), input.slug(), input.label(),
				Boolean.TRUE.equals(input.headline()));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	Mono<Theme> updateTheme(@Argument UpdateThemeInput input) {
		return this.adminEdits.updateTheme(input.pacte(), input.slug(), input.version(), input.label(), input.headline());
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	Mono<FundingLine> updateFundingLine(@Argument UpdateFundingLineInput input) {
		return this.adminEdits.updateFundingLine(input.pacte(), input.id(), input.version(),
				new AdminEdits.LineDraft(input.instrument(), input.label(), input.partnerKind(), input.contractCount(),
						input.amount(), input.partners(), input.note()));
	}

	// --- bookkeeping fields

	private CompletableFuture<Meta> meta(Action action, DataFetchingEnvironment env) {
		DataLoader<Map.Entry<String, String>, Meta> loader = env.getDataLoader(META_LOADER);
		return loader.load(Map.entry(action.pacte(), action.id()));
	}

	@SchemaMapping(typeName = "Action")
	CompletableFuture<Integer> version(Action action, DataFetchingEnvironment env) {
		return meta(action, env).thenApply(meta -> Math.toIntExact(meta.version()));
	}

	@SchemaMapping(typeName = "Action")
	CompletableFuture<Boolean> archived(Action action, DataFetchingEnvironment env) {
		return meta(action, env).thenApply(Meta::archived);
	}

	@SchemaMapping(typeName = "Action")
	CompletableFuture<String> updatedAt(Action action, DataFetchingEnvironment env) {
		return meta(action, env).thenApply(meta -> (meta.updatedAt() != null) ? meta.updatedAt().toInstant().toString() : null);
	}

	@SchemaMapping(typeName = "Action")
	CompletableFuture<String> updatedBy(Action action, DataFetchingEnvironment env) {
		return meta(action, env).thenApply(Meta::updatedBy);
	}

	@BatchMapping(typeName = "Action", field = "history")
	Mono<Map<Action, List<Change>>> actionHistory(List<Action> actions) {
		return this.audit.findHistories("ACTION", actions.stream().map(a -> Map.entry(a.pacte(), a.id())).distinct().toList())
			.collectMultimap(change -> Map.entry(change.pacte(), change.entityId()))
			.map(found -> Batches.listsFor(actions, action -> found.get(Map.entry(action.pacte(), action.id()))));
	}

	@BatchMapping(typeName = "Priority", field = "version")
	Mono<Map<Priority, Integer>> priorityVersion(List<Priority> priorities) {
		return versions("pacte_priority", "id", priorities, Priority::pacte, Priority::id);
	}

	@BatchMapping(typeName = "Theme", field = "version")
	Mono<Map<Theme, Integer>> themeVersion(List<Theme> themes) {
		return versions("pacte_theme", "slug", themes, Theme::pacte, Theme::slug);
	}

	@BatchMapping(typeName = "FundingLine", field = "version")
	Mono<Map<FundingLine, Integer>> fundingLineVersion(List<FundingLine> lines) {
		return versions("pacte_funding_line", "id", lines, FundingLine::pacte, FundingLine::id);
	}

	private <S> Mono<Map<S, Integer>> versions(String table, String key, List<S> sources,
			java.util.function.Function<S, String> pacte, java.util.function.Function<S, String> id) {
		return this.db.sql("SELECT t.pacte_id, t." + key + " AS key, t.version FROM unnest(CAST(:pactes AS text[]), "
				+ "CAST(:ids AS text[])) AS k(pacte_id, id) JOIN " + table + " t ON t.pacte_id = k.pacte_id AND t." + key
				+ " = k.id")
			.bind("pactes", sources.stream().map(pacte).toArray(String[]::new))
			.bind("ids", sources.stream().map(id).toArray(String[]::new))
			.map((Readable row) -> Map.entry(Map.entry(row.get("pacte_id", String.class), row.get("key", String.class)),
					Math.toIntExact(row.get("version", Long.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map(found -> Batches.valuesFor(sources, source -> found.get(Map.entry(pacte.apply(source), id.apply(source)))));
	}

	// --- the audit trail

	@QueryMapping
	Mono<ChangeConnection> changes(@Argument String since, @Argument Integer first, @Argument String after,
			@Argument String pacte, DataLoader<String, Pacte> loader) {
		int size = (first != null) ? first : DEFAULT_PAGE_SIZE;
		if (size > MAX_PAGE_SIZE) {
			throw new ApiException(ErrorCode.PAGE_SIZE_EXCEEDED, "first",
					"Argument 'first' is " + size + "; the maximum page size is " + MAX_PAGE_SIZE);
		}
		if (size < 0) {
			throw ApiException.invalid("first", "Argument 'first' must be 0 or more, got " + size);
		}
		OffsetDateTime from;
		try {
			from = (since != null) ? OffsetDateTime.parse(since) : null;
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalid("since", "Argument 'since' is '" + since
					+ "': an ISO 8601 date-time with its offset, e.g. 2025-03-01T00:00:00Z");
		}
		long afterId = (after != null) ? Audit.cursorId(after, "after") : 0;
		return this.pactes.named(pacte, loader).flatMap(found -> this.audit.findPage(found.id(), from, afterId, size));
	}

	@SchemaMapping(typeName = "Change")
	String id(Change change) {
		return String.valueOf(change.id());
	}

	@SchemaMapping(typeName = "Change")
	String at(Change change) {
		return change.at().toInstant().toString();
	}

}
