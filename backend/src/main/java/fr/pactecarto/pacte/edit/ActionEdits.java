package fr.pactecarto.pacte.edit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.security.PacteUser;

import org.springframework.stereotype.Service;

/**
 * Creates, changes, archives and restores actions, each in one transaction ({@link Edits}): the pacte is locked,
 * the action's current state read (and locked), every field checked, the editor's territories and the version
 * checked — all problems reported together — then the rows written and the change appended to the audit trail.
 */
@Service
class ActionEdits {

	/** What a planner sends for an action: its whole state. */
	record Draft(String priority, String parent, String label, String category, String instrument, List<String> themes,
			List<String> citedAs, String note) {
	}

	private final Edits edits;

	private final EditStore store;

	private final Audit audit;

	ActionEdits(Edits edits, EditStore store, Audit audit) {
		this.edits = edits;
		this.store = store;
		this.audit = audit;
	}

	Mono<fr.pactecarto.pacte.action.Action> create(String pacteArgument, String id, Draft draft) {
		return this.edits.run(pacteArgument, (pacte, user) -> {
			Checks checks = new Checks();
			String wanted = (id != null) ? id.strip() : null;
			if (wanted != null && !Checks.IDENTIFIER.matcher(wanted).matches()) {
				checks.add(ErrorCode.INVALID_VALUE, "input.id", "'input.id' is '" + wanted
						+ "': letters, digits, '_', '.', '-', starting with a letter or digit, at most 100 characters");
			}
			String prefix = (draft.parent() != null && !draft.parent().isBlank()) ? draft.parent().strip() + "-s"
					: ((draft.priority() != null) ? draft.priority().strip() : "") + "-a";
			return this.store.idsLike(pacte, (wanted != null) ? wanted : "", prefix).flatMap(taken -> {
				String newId = wanted;
				if (wanted != null && taken.contains(wanted)) {
					checks.add(ErrorCode.DUPLICATE, "input.id", "'input.id': pacte " + pacte + " has an action '" + wanted
							+ "' already (archived ones count)");
				}
				if (newId == null) {
					int n = 1;
					while (taken.contains(prefix + n)) {
						n++;
					}
					newId = prefix + n;
				}
				ActionState blank = new ActionState(newId, null, null, null, null, null, List.of(), List.of(), null, false, 0,
						null, null, false, false);
				return prepare(pacte, user, draft, null, checks).flatMap(content -> {
					checks.throwIfAny();
					ActionState after = blank.withContent(content.priority(), content.parent(), content.label(),
							content.category(), content.instrument(), content.themes(), content.citedAs(), content.note());
					return this.store.insertAction(pacte, after, user.login())
						.flatMap(stamp -> this.store.renumber(pacte)
							.then(this.audit.append(pacte, "ACTION", after.id(), "CREATE", user, null,
									after.stamped(stamp.version(), stamp.at(), user.login()).toMap())))
						.thenReturn(after.id());
				});
			});
		});
	}

	Mono<fr.pactecarto.pacte.action.Action> update(String pacteArgument, String id, long version, Draft draft) {
		return this.edits.run(pacteArgument, (pacte, user) -> existing(pacte, id).flatMap(before -> {
			Checks checks = new Checks();
			if (before.archived()) {
				checks.add(ErrorCode.INVALID_STATE, "input.id", "Action '" + id + "' is archived: restore it first");
			}
			return prepare(pacte, user, draft, before, checks).flatMap(content -> {
				versionCheck(checks, before, version);
				checks.throwIfAny();
				if (content.sameContent(before)) {
					return Mono.just(id);
				}
				boolean moved = !Objects.equals(content.priority(), before.priority())
						|| !Objects.equals(content.parent(), before.parent());
				boolean priorityChanged = !Objects.equals(content.priority(), before.priority());
				return this.store.updateAction(pacte, content, moved, user.login())
					.flatMap(stamp -> this.audit.append(pacte, "ACTION", id, "UPDATE", user, before.toMap(),
							content.stamped(stamp.version(), stamp.at(), user.login()).toMap()))
					.then(priorityChanged && before.hasSubActions() ? moveSubActions(pacte, user, id, content.priority())
							: Mono.empty())
					.then(moved ? this.store.renumber(pacte) : Mono.empty())
					.thenReturn(id);
			});
		}));
	}

	// Sub-actions sit under their parent's priority: they follow it, each change in the audit trail.
	private Mono<Void> moveSubActions(String pacte, PacteUser user, String parent, String priority) {
		return this.store.subActions(pacte, parent)
			.flatMapMany(Flux::fromIterable)
			.concatMap(sub -> {
				ActionState moved = sub.withContent(priority, sub.parent(), sub.label(), sub.category(), sub.instrument(),
						sub.themes(), sub.citedAs(), sub.note());
				return this.store.updateAction(pacte, moved, false, user.login())
					.flatMap(stamp -> this.audit.append(pacte, "ACTION", sub.id(), "UPDATE", user, sub.toMap(),
							moved.stamped(stamp.version(), stamp.at(), user.login()).toMap()));
			})
			.then();
	}

	Mono<fr.pactecarto.pacte.action.Action> archive(String pacteArgument, String id, long version, boolean archive) {
		return this.edits.run(pacteArgument, (pacte, user) -> existing(pacte, id).flatMap(before -> {
			Checks checks = new Checks();
			if (archive && before.archived()) {
				checks.add(ErrorCode.INVALID_STATE, "input.id", "Action '" + id + "' is archived already");
			}
			if (!archive && !before.archived()) {
				checks.add(ErrorCode.INVALID_STATE, "input.id", "Action '" + id + "' is not archived");
			}
			if (archive && before.hasLiveSubActions()) {
				checks.add(ErrorCode.INVALID_STATE, "input.id", "Action '" + id
						+ "' has sub-actions that are not archived: archive them first");
			}
			Mono<Optional<ActionState>> parent = (!archive && before.parent() != null)
					? this.store.action(pacte, before.parent()).map(Optional::of)
					: Mono.just(Optional.empty());
			return parent.flatMap(found -> {
				if (found.isPresent() && found.get().archived()) {
					checks.add(ErrorCode.INVALID_PARENT, "input.id", "The parent '" + before.parent() + "' of action '" + id
							+ "' is archived: restore it first");
				}
				return scope(pacte, user, before, null, checks).thenReturn(true);
			}).flatMap(ignored -> {
				versionCheck(checks, before, version);
				checks.throwIfAny();
				ActionState after = before.archived(archive);
				return this.store.updateAction(pacte, after, false, user.login())
					.flatMap(stamp -> this.audit.append(pacte, "ACTION", id, archive ? "ARCHIVE" : "RESTORE", user,
							before.toMap(), after.stamped(stamp.version(), stamp.at(), user.login()).toMap()))
					.thenReturn(id);
			});
		}));
	}

	private Mono<ActionState> existing(String pacte, String id) {
		return this.store.action(pacte, (id != null) ? id.strip() : "")
			.switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.UNKNOWN_ACTION, "input.id",
					"Pacte " + pacte + " has no action '" + id + "'")));
	}

	private static void versionCheck(Checks checks, ActionState before, long version) {
		if (before.version() != version) {
			checks.add(Checks.conflict("Action '" + before.id() + "'", version, before.toMap()));
		}
	}

	/**
	 * The draft checked against the pacte (priority, parent, themes, territories) and the editor's territories;
	 * the problems go to {@code checks}. The content of the new state (id and bookkeeping of {@code before}).
	 */
	private Mono<ActionState> prepare(String pacte, PacteUser user, Draft draft, ActionState before, Checks checks) {
		String label = checks.required(draft.label(), "input.label");
		String category = checks.optional(draft.category(), "input.category");
		String instrument = checks.optional(draft.instrument(), "input.instrument");
		String note = checks.optional(draft.note(), "input.note");
		String priority = checks.required(draft.priority(), "input.priority");
		String parentId = (draft.parent() != null && !draft.parent().isBlank()) ? draft.parent().strip() : null;
		List<String> codes = checks.codes(draft.citedAs(), "input.citedAs");
		Mono<Optional<ActionState>> parent = (parentId != null) ? this.store.action(pacte, parentId).map(Optional::of)
			.defaultIfEmpty(Optional.empty()) : Mono.just(Optional.empty());
		return Mono.zip(this.store.names(pacte), parent).flatMap(found -> {
			EditStore.Names names = found.getT1();
			if (!priority.isEmpty() && !names.priorities().contains(priority)) {
				checks.add(ErrorCode.UNKNOWN_PRIORITY, "input.priority", "Pacte " + pacte + " has no priority '" + priority + "'");
			}
			if (parentId != null) {
				parentChecks(checks, parentId, found.getT2().orElse(null), priority, before);
			}
			List<String> themes = checks.themes(draft.themes(), names.themes(), "input.themes");
			return this.store.resolve(pacte, codes).flatMap(resolved -> {
				checks.territories(codes, resolved, pacte, "input.citedAs");
				ActionState base = (before != null) ? before
						: new ActionState(null, null, null, null, null, null, List.of(), List.of(), null, false, 0, null,
								null, false, false);
				ActionState content = base.withContent(priority, parentId, label, category, instrument, themes, codes, note);
				return scope(pacte, user, before, (resolved.stream().anyMatch(Objects::isNull) ? null : resolved), checks).thenReturn(content);
			});
		});
	}

	private static void parentChecks(Checks checks, String parentId, ActionState parent, String priority,
			ActionState before) {
		if (parent == null) {
			checks.add(ErrorCode.UNKNOWN_ACTION, "input.parent", "The pacte has no action '" + parentId + "'");
		}
		else if (before != null && parentId.equals(before.id())) {
			checks.add(ErrorCode.INVALID_PARENT, "input.parent", "An action cannot be its own parent");
		}
		else if (parent.archived()) {
			checks.add(ErrorCode.INVALID_PARENT, "input.parent", "The parent '" + parentId + "' is archived");
		}
		else if (parent.parent() != null) {
			checks.add(ErrorCode.INVALID_PARENT, "input.parent", "'" + parentId
					+ "' is a sub-action; sub-actions have no sub-actions (one level only)");
		}
		else if (!parent.priority().equals(priority)) {
			checks.add(ErrorCode.INVALID_PARENT, "input.parent", "The parent '" + parentId + "' is under priority '"
					+ parent.priority() + "', not '" + priority + "': a sub-action sits under its parent's priority");
		}
		else if (before != null && before.hasSubActions()) {
			checks.add(ErrorCode.INVALID_PARENT, "input.parent", "Action '" + before.id()
					+ "' has sub-actions: it cannot become a sub-action itself");
		}
	}

	/**
	 * An editor limited to territories may touch an action only if it cites at least one territory, and only
	 * territories of theirs, before the change ({@code FORBIDDEN} on {@code input.id}) and after it (on
	 * {@code input.citedAs}); {@code after} null: the new citations are invalid already, or not changed.
	 */
	private Mono<Void> scope(String pacte, PacteUser user, ActionState before, List<String> after, Checks checks) {
		if (!user.limitedToTerritories()) {
			return Mono.empty();
		}
		List<String> beforeCodes = (before != null) ? before.citedAs() : List.of();
		List<String> all = new ArrayList<>(user.territories());
		all.addAll(beforeCodes);
		return this.store.resolve(pacte, all).doOnNext(resolved -> {
			Set<String> theirs = new HashSet<>(resolved.subList(0, user.territories().size()));
			theirs.remove(null);
			String limit = "account '" + user.login() + "' edits only the actions citing " + user.territories()
					+ " and no other territory";
			if (before != null) {
				List<String> cited = resolved.subList(user.territories().size(), resolved.size());
				if (cited.isEmpty() || !theirs.containsAll(cited)) {
					checks.add(new ApiException(ErrorCode.FORBIDDEN, "input.id", "Action '" + before.id() + "' cites "
							+ before.citedAs() + ": " + limit));
				}
			}
			if (after != null && (after.isEmpty() || !theirs.containsAll(after))) {
				checks.add(new ApiException(ErrorCode.FORBIDDEN, "input.citedAs", "The action would cite "
						+ (after.isEmpty() ? "no territory" : "territories not theirs") + ": " + limit));
			}
		}).then();
	}

}
