package fr.pactecarto.pacte.edit;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.pacte.action.Priority;
import fr.pactecarto.pacte.action.Theme;
import fr.pactecarto.pacte.funding.FundingLine;
import fr.pactecarto.territory.TerritoryKey;
import fr.pactecarto.territory.TerritoryKind;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The administrators' edits: a priority's title, themes (new ones, label, headline flag), funding lines. Same
 * rules as the actions' ({@link ActionEdits}): one transaction, every problem at once, optimistic locking, audit.
 */
@Service
class AdminEdits {

	private static final Set<String> INSTRUMENTS = Set.of("CLS", "CEI", "PACTE_LOCAL");

	private final Edits edits;

	private final EditStore store;

	private final Audit audit;

	private final DatabaseClient db;

	AdminEdits(Edits edits, EditStore store, Audit audit, DatabaseClient db) {
		this.edits = edits;
		this.store = store;
		this.audit = audit;
		this.db = db;
	}

	// --- priorities

	Mono<Priority> updatePriority(String pacteArgument, String id, long version, String title) {
		return this.edits.write(pacteArgument, (pacte, user) -> this.db
			.sql("SELECT * FROM pacte_priority WHERE pacte_id = :pacte AND id = :id FOR UPDATE")
			.bind("pacte", pacte)
			.bind("id", id)
			.map(AdminEdits::priorityState)
			.one()
			.switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.UNKNOWN_PRIORITY, "input.id",
					"Pacte " + pacte + " has no priority '" + id + "'")))
			.flatMap(before -> {
				Checks checks = new Checks();
				String newTitle = checks.required(title, "input.title");
				versionCheck(checks, "Priority '" + id + "'", before, version);
				checks.throwIfAny();
				if (newTitle.equals(before.get("title"))) {
					return Mono.just(pacte);
				}
				return this.db.sql("""
						UPDATE pacte_priority SET title = :title, version = nextval('pacte_row_version'), updated_at = now(),
						       updated_by = :by WHERE pacte_id = :pacte AND id = :id RETURNING *
						""")
					.bind("title", newTitle)
					.bind("by", user.login())
					.bind("pacte", pacte)
					.bind("id", id)
					.map(AdminEdits::priorityState)
					.one()
					.flatMap(after -> this.audit.append(pacte, "PRIORITY", id, "UPDATE", user, before, after))
					.thenReturn(pacte);
			}))
			.flatMap(pacte -> this.db.sql("SELECT * FROM pacte_priority WHERE pacte_id = :pacte AND id = :id")
				.bind("pacte", pacte)
				.bind("id", id)
				.map(row -> new Priority(row.get("pacte_id", String.class), row.get("id", String.class),
						row.get("axis_number", Integer.class), row.get("position", Integer.class), row.get("title", String.class)))
				.one());
	}

	private static Map<String, Object> priorityState(Readable row) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", row.get("id", String.class));
		state.put("axis", row.get("axis_number", Integer.class));
		state.put("title", row.get("title", String.class));
		bookkeeping(state, row);
		return state;
	}

	// --- themes

	Mono<Theme> createTheme(String pacteArgument, String slug, String label, boolean headline) {
		return this.edits.write(pacteArgument, (pacte, user) -> this.store.names(pacte).flatMap(names -> {
			Checks checks = new Checks();
			String newSlug = (slug != null) ? slug.strip() : "";
			if (!Checks.IDENTIFIER.matcher(newSlug).matches()) {
				checks.add(ErrorCode.INVALID_VALUE, "input.slug", "'input.slug' is '" + newSlug
						+ "': letters, digits, '_', '.', '-', starting with a letter or digit, at most 100 characters");
			}
			else if (names.themes().contains(newSlug)) {
				checks.add(ErrorCode.DUPLICATE, "input.slug", "Pacte " + pacte + " has a theme '" + newSlug + "' already");
			}
			String newLabel = checks.required(label, "input.label");
			checks.throwIfAny();
			return this.db.sql("""
					INSERT INTO pacte_theme (pacte_id, slug, label, headline, position, updated_at, updated_by)
					VALUES (:pacte, :slug, :label, :headline,
					        (SELECT coalesce(max(position), 0) + 1 FROM pacte_theme WHERE pacte_id = :pacte), now(), :by)
					RETURNING *
					""")
				.bind("pacte", pacte)
				.bind("slug", newSlug)
				.bind("label", newLabel)
				.bind("headline", headline)
				.bind("by", user.login())
				.map(AdminEdits::themeState)
				.one()
				.flatMap(after -> this.audit.append(pacte, "THEME", newSlug, "CREATE", user, null, after))
				.thenReturn(pacte);
		})).flatMap(pacte -> theme(pacte, slug.strip()));
	}

	Mono<Theme> updateTheme(String pacteArgument, String slug, long version, String label, boolean headline) {
		return this.edits.write(pacteArgument, (pacte, user) -> this.db
			.sql("SELECT * FROM pacte_theme WHERE pacte_id = :pacte AND slug = :slug FOR UPDATE")
			.bind("pacte", pacte)
			.bind("slug", slug)
			.map(AdminEdits::themeState)
			.one()
			.switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.UNKNOWN_THEME, "input.slug",
					"Pacte " + pacte + " has no theme '" + slug + "'")))
			.flatMap(before -> {
				Checks checks = new Checks();
				String newLabel = checks.required(label, "input.label");
				versionCheck(checks, "Theme '" + slug + "'", before, version);
				checks.throwIfAny();
				if (newLabel.equals(before.get("label")) && headline == (Boolean) before.get("headline")) {
					return Mono.just(pacte);
				}
				return this.db.sql("""
						UPDATE pacte_theme SET label = :label, headline = :headline, version = nextval('pacte_row_version'),
						       updated_at = now(), updated_by = :by WHERE pacte_id = :pacte AND slug = :slug RETURNING *
						""")
					.bind("label", newLabel)
					.bind("headline", headline)
					.bind("by", user.login())
					.bind("pacte", pacte)
					.bind("slug", slug)
					.map(AdminEdits::themeState)
					.one()
					.flatMap(after -> this.audit.append(pacte, "THEME", slug, "UPDATE", user, before, after))
					.thenReturn(pacte);
			})).flatMap(pacte -> theme(pacte, slug));
	}

	private Mono<Theme> theme(String pacte, String slug) {
		return this.db.sql("""
				SELECT t.pacte_id, t.slug, t.label, t.headline,
				       (SELECT count(*) FROM pacte_action_theme c JOIN pacte_action a
				          ON a.pacte_id = c.pacte_id AND a.id = c.action_id AND a.archived_at IS NULL
				        WHERE c.pacte_id = t.pacte_id AND c.theme_slug = t.slug) AS action_count
				FROM pacte_theme t WHERE t.pacte_id = :pacte AND t.slug = :slug
				""")
			.bind("pacte", pacte)
			.bind("slug", slug)
			.map(row -> new Theme(row.get("pacte_id", String.class), row.get("slug", String.class),
					row.get("label", String.class), row.get("headline", Boolean.class),
					row.get("action_count", Long.class).intValue()))
			.one();
	}

	private static Map<String, Object> themeState(Readable row) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("slug", row.get("slug", String.class));
		state.put("label", row.get("label", String.class));
		state.put("headline", row.get("headline", Boolean.class));
		bookkeeping(state, row);
		return state;
	}

	// --- funding lines

	/** What an administrator sends for a funding line: its whole state. */
	record LineDraft(String instrument, String label, String partnerKind, Integer contractCount, Integer amount,
			List<String> partners, String note) {
	}

	Mono<FundingLine> updateFundingLine(String pacteArgument, String id, long version, LineDraft draft) {
		return this.edits.write(pacteArgument, (pacte, user) -> this.db
			.sql("SELECT * FROM pacte_funding_line WHERE pacte_id = :pacte AND id = :id FOR UPDATE")
			.bind("pacte", pacte)
			.bind("id", id)
			.map(AdminEdits::lineState)
			.one()
			.switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.UNKNOWN_FUNDING_LINE, "input.id",
					"Pacte " + pacte + " has no funding line '" + id + "'")))
			.flatMap(before -> {
				Checks checks = new Checks();
				String instrument = (draft.instrument() != null) ? draft.instrument().strip() : "";
				if (!INSTRUMENTS.contains(instrument)) {
					checks.add(ErrorCode.INVALID_VALUE, "input.instrument", "'input.instrument' is '" + instrument
							+ "'; one of " + INSTRUMENTS.stream().sorted().toList());
				}
				String label = checks.required(draft.label(), "input.label");
				String note = checks.optional(draft.note(), "input.note");
				if (draft.contractCount() != null && draft.contractCount() < 0) {
					checks.add(ErrorCode.INVALID_VALUE, "input.contractCount", "'input.contractCount' must be 0 or more");
				}
				if (draft.amount() == null || draft.amount() < 0) {
					checks.add(ErrorCode.INVALID_VALUE, "input.amount", "'input.amount' must be 0 or more");
				}
				List<String> partners = checks.codes(draft.partners(), "input.partners");
				return this.store.resolve(pacte, partners).flatMap(resolved -> {
					checks.territories(partners, resolved, pacte, "input.partners");
					versionCheck(checks, "Funding line '" + id + "'", before, version);
					checks.throwIfAny();
					Map<String, Object> content = new LinkedHashMap<>();
					content.put("id", id);
					content.put("instrument", instrument);
					content.put("label", label);
					content.put("partnerKind", draft.partnerKind());
					content.put("contractCount", draft.contractCount());
					content.put("amount", draft.amount().longValue());
					content.put("partners", partners);
					content.put("note", note);
					if (sameContent(before, content)) {
						return Mono.just(pacte);
					}
					return this.db.sql("""
							UPDATE pacte_funding_line SET instrument = :instrument, label = :label, partner_kind = :kind,
							       contract_count = :count, amount = :amount, partner_codes = :partners, note = :note,
							       version = nextval('pacte_row_version'), updated_at = now(), updated_by = :by
							WHERE pacte_id = :pacte AND id = :id RETURNING *
							""")
						.bind("instrument", instrument)
						.bind("label", label)
						.bind("kind", draft.partnerKind())
						.bind("count", Parameters.in(R2dbcType.INTEGER, draft.contractCount()))
						.bind("amount", draft.amount().longValue())
						.bind("partners", partners.toArray(String[]::new))
						.bind("note", Parameters.in(R2dbcType.VARCHAR, note))
						.bind("by", user.login())
						.bind("pacte", pacte)
						.bind("id", id)
						.map(AdminEdits::lineState)
						.one()
						.flatMap(after -> this.audit.append(pacte, "FUNDING_LINE", id, "UPDATE", user, before, after))
						.thenReturn(pacte);
				});
			})).flatMap(pacte -> line(pacte, id));
	}

	private Mono<FundingLine> line(String pacte, String id) {
		return this.db.sql("SELECT * FROM pacte_funding_line WHERE pacte_id = :pacte AND id = :id")
			.bind("pacte", pacte)
			.bind("id", id)
			.map(row -> new Object[] { row.get("instrument", String.class), row.get("label", String.class),
					row.get("partner_kind", String.class), row.get("contract_count", Integer.class),
					row.get("amount", Long.class), row.get("partner_codes", String[].class), row.get("note", String.class) })
			.one()
			.flatMap(row -> this.store.resolve(pacte, Arrays.asList((String[]) row[5])).map(resolved -> {
				Set<TerritoryKey> partners = new LinkedHashSet<>();
				for (String territory : resolved) {
					if (territory != null) {
						int colon = territory.indexOf(':');
						partners.add(new TerritoryKey(TerritoryKind.valueOf(territory.substring(0, colon)),
								territory.substring(colon + 1)));
					}
				}
				return new FundingLine(pacte, id, (String) row[0], (String) row[1], (String) row[2], (Integer) row[3],
						Math.toIntExact((Long) row[4]), Arrays.asList((String[]) row[5]), List.copyOf(partners),
						(String) row[6]);
			}));
	}

	private static Map<String, Object> lineState(Readable row) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", row.get("id", String.class));
		state.put("instrument", row.get("instrument", String.class));
		state.put("label", row.get("label", String.class));
		state.put("partnerKind", row.get("partner_kind", String.class));
		state.put("contractCount", row.get("contract_count", Integer.class));
		state.put("amount", row.get("amount", Long.class));
		state.put("partners", List.of(row.get("partner_codes", String[].class)));
		state.put("note", row.get("note", String.class));
		bookkeeping(state, row);
		return state;
	}

	// --- shared

	private static void bookkeeping(Map<String, Object> state, Readable row) {
		OffsetDateTime at = row.get("updated_at", OffsetDateTime.class);
		state.put("version", row.get("version", Long.class));
		state.put("updatedAt", (at != null) ? at.toInstant().toString() : null);
		state.put("updatedBy", row.get("updated_by", String.class));
	}

	private static boolean sameContent(Map<String, Object> before, Map<String, Object> content) {
		for (Map.Entry<String, Object> entry : content.entrySet()) {
			if (!Objects.equals(before.get(entry.getKey()), entry.getValue())) {
				return false;
			}
		}
		return true;
	}

	private static void versionCheck(Checks checks, String what, Map<String, Object> before, long version) {
		if (((Long) before.get("version")) != version) {
			checks.add(Checks.conflict(what, version, before));
		}
	}

}
