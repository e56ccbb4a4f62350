package fr.pactecarto.pacte.action;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.Batches;
import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.api.PageInfo;
import fr.pactecarto.pacte.Pacte;
import fr.pactecarto.pacte.Pactes;
import fr.pactecarto.territory.Territories;
import fr.pactecarto.territory.Territory;
import fr.pactecarto.territory.TerritoryKey;
import fr.pactecarto.territory.TerritoryRepository;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A pacte's actions: the paginated list, one action, and each action's axis, priority, parent, sub-actions,
 * themes and territories, every association batch-loaded (one statement per field for a whole answer).
 */
@Controller
class ActionController {

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 100;

	private final ActionRepository actions;

	private final AxisRepository axes;

	private final TerritoryRepository territories;

	private final Pactes pactes;

	private final Questions questions;

	ActionController(ActionRepository actions, AxisRepository axes, TerritoryRepository territories, Pactes pactes,
			Questions questions) {
		this.actions = actions;
		this.axes = axes;
		this.territories = territories;
		this.pactes = pactes;
		this.questions = questions;
	}

	@QueryMapping
	Mono<ActionConnection> actions(@Argument ActionFilter filter, @Argument Integer first, @Argument String after,
			@Argument String pacte, DataLoader<String, Pacte> loader) {
		Mono<Pacte> found = this.pactes.named(pacte, loader);
		return found.flatMap(scope -> actions(scope, filter, first, after));
	}

	@SchemaMapping(typeName = "Pacte")
	Mono<ActionConnection> actions(Pacte pacte, @Argument ActionFilter filter, @Argument Integer first,
			@Argument String after) {
		int size = (first != null) ? first : DEFAULT_PAGE_SIZE;
		if (size > MAX_PAGE_SIZE) {
			throw new ApiException(ErrorCode.PAGE_SIZE_EXCEEDED, "first",
					"Argument 'first' is " + size + "; the maximum page size is " + MAX_PAGE_SIZE);
		}
		if (size < 0) {
			throw ApiException.invalid("first", "Argument 'first' must be 0 or more, got " + size);
		}
		int afterPosition = (after != null) ? ActionCursor.position(after, "after") : 0;
		ActionFilter criteria = (filter != null) ? filter : new ActionFilter(null, null, null, null);
		Mono<Optional<TerritoryKey>> territory = (criteria.territory() == null) ? Mono.just(Optional.empty())
				: this.territories.resolve(pacte.id(), criteria.territory())
					.switchIfEmpty(Mono.error(() -> Territories.unknown(criteria.territory(), null, "filter.territory")))
					.map(Optional::of);
		return this.questions.check(pacte.id(), criteria.axis(), "filter.axis", criteria.themes(), "filter.themes")
			.then(territory)
			.flatMap(key -> this.actions.findPage(pacte.id(), criteria.axis(), criteria.themes(), key.orElse(null),
					criteria.text(), afterPosition, size + 1))
			.map(page -> connection(page, size));
	}

	private static ActionConnection connection(ActionRepository.Page page, int size) {
		List<Action> shown = page.actions().subList(0, Math.min(size, page.actions().size()));
		List<ActionConnection.Edge> edges = shown.stream()
			.map(action -> new ActionConnection.Edge(ActionCursor.of(action), action))
			.toList();
		PageInfo pageInfo = new PageInfo(page.actions().size() > size, page.before() > 0,
				edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new ActionConnection(edges, pageInfo, page.total());
	}

	@QueryMapping
	Mono<Action> action(@Argument String id, @Argument String pacte, DataLoader<String, Pacte> loader) {
		return this.pactes.named(pacte, loader).flatMap(found -> action(found, id));
	}

	@SchemaMapping(typeName = "Pacte")
	Mono<Action> action(Pacte pacte, @Argument String id) {
		return this.actions.findActions(List.of(new Action.Key(pacte.id(), id))).next();
	}

	@BatchMapping(typeName = "Action", field = "axis")
	Mono<Map<Action, Axis>> actionAxis(List<Action> actions) {
		return Batches.single(actions, Action::axisKey, this.axes::findAxes, Axis::key);
	}

	@BatchMapping(typeName = "Action", field = "priority")
	Mono<Map<Action, Priority>> actionPriority(List<Action> actions) {
		return Batches.single(actions, Action::priorityKey, this.axes::findPriorities, Priority::key);
	}

	@BatchMapping(typeName = "Action", field = "parent")
	Mono<Map<Action, Action>> actionParent(List<Action> actions) {
		return Batches.single(actions, Action::parentKey, this.actions::findActions, Action::key);
	}

	@BatchMapping(typeName = "Action", field = "subActions")
	Mono<Map<Action, List<Action>>> actionSubActions(List<Action> actions) {
		return Batches.grouped(actions, Action::key, this.actions::findSubActions, Action::parentKey);
	}

	@BatchMapping(typeName = "Action", field = "themes")
	Mono<Map<Action, List<Theme>>> actionThemes(List<Action> actions) {
		return this.axes.findThemesOfActions(actions.stream().map(Action::key).distinct().toList())
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map(byAction -> Batches.listsFor(actions, action -> byAction.get(action.key())));
	}

	@BatchMapping(typeName = "Action", field = "territories")
	Mono<Map<Action, List<Territory>>> actionTerritories(List<Action> actions) {
		return this.territories.findForEach(actions, Action::pacte, Action::territories);
	}

}
