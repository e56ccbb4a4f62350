package fr.pactecarto.action;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.api.PageInfo;
import fr.pactecarto.territory.Territory;
import fr.pactecarto.territory.TerritoryKey;
import fr.pactecarto.territory.TerritoryRepository;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Axes, priorities, themes and actions of the Pacte, the map's coverage question, and the actions and themes
 * of each territory. Every nested field is batch-loaded: a list of territories with their actions and themes
 * costs the same few statements whatever its length.
 */
@Controller
class ActionController {

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 100;

	private static final String TERRITORY_ACTIONS_LOADER = "territoryActions";

	/** The map's question: a theme and/or an axis (null: any). */
	record Question(String theme, Integer axis) {

		List<String> themes() {
			return (this.theme != null) ? List.of(this.theme) : null;
		}

	}

	/** What a {@code Territory.actions(theme, axis)} field asks for; loaded in one query per question. */
	record TerritoryActionsKey(TerritoryKey territory, Question question) {
	}

	private final ActionRepository actions;

	private final TerritoryRepository territories;

	private final CitedTerritories cited;

	ActionController(ActionRepository actions, TerritoryRepository territories, CitedTerritories cited,
			BatchLoaderRegistry loaders) {
		this.actions = actions;
		this.territories = territories;
		this.cited = cited;
		loaders.<TerritoryActionsKey, List<Action>>forName(TERRITORY_ACTIONS_LOADER)
			.registerMappedBatchLoader((keys, env) -> loadTerritoryActions(keys));
	}

	@QueryMapping
	Flux<Axis> axes() {
		return this.actions.findAxes();
	}

	@QueryMapping
	Mono<Axis> axis(@Argument int number) {
		return this.actions.findAxes(List.of(number)).next();
	}

	@QueryMapping
	Flux<Theme> themes() {
		return this.actions.findThemes();
	}

	@QueryMapping
	Mono<ActionConnection> actions(@Argument ActionFilter filter, @Argument Integer first, @Argument String after) {
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
		Mono<Optional<Set<String>>> codes = (criteria.territory() == null) ? Mono.just(Optional.empty())
				: this.territories.resolve(criteria.territory(), null, "filter.territory")
					.flatMap(key -> this.cited.codesOf(List.of(key)).map(byKey -> Optional.of(byKey.get(key))));
		return checkAxis(criteria.axis(), "filter.axis")
			.then(checkThemes(criteria.themes(), "filter.themes"))
			.then(codes)
			.flatMap(territoryCodes -> this.actions.findPage(criteria.axis(), criteria.themes(),
					territoryCodes.orElse(null), criteria.text(), afterPosition, size + 1))
			.map(page -> {
				List<Action> shown = page.actions().subList(0, Math.min(size, page.actions().size()));
				List<ActionConnection.Edge> edges = shown.stream()
					.map(action -> new ActionConnection.Edge(ActionCursor.of(action), action))
					.toList();
				PageInfo pageInfo = new PageInfo(page.actions().size() > size, page.before() > 0,
						edges.isEmpty() ? null : edges.get(0).cursor(),
						edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
				return new ActionConnection(edges, pageInfo, page.total());
			});
	}

	@QueryMapping
	Mono<Action> action(@Argument String id) {
		return this.actions.findActions(List.of(id)).next();
	}

	@QueryMapping
	Mono<List<TerritoryCoverage>> coverage(@Argument String theme, @Argument Integer axis) {
		Question question = new Question(theme, axis);
		return checkAxis(axis, "axis")
			.then(checkThemes(question.themes(), "theme"))
			.then(Mono.zip(this.cited.byCode(),
					this.actions.findMatching(axis, question.themes(), null).collectList()))
			.flatMap(found -> {
				Map<TerritoryKey, List<Action>> byTerritory = new LinkedHashMap<>();
				for (Action action : found.getT2()) {
					for (TerritoryKey key : CitedTerritories.resolve(action.citedAs(), found.getT1())) {
						byTerritory.computeIfAbsent(key, k -> new ArrayList<>()).add(action);
					}
				}
				return this.territories.findByKeys(byTerritory.keySet())
					.map(territory -> new TerritoryCoverage(territory, byTerritory.get(territory.key()).size(),
							byTerritory.get(territory.key())))
					.sort(Comparator.comparingInt(TerritoryCoverage::actionCount).reversed()
						.thenComparing(coverage -> coverage.territory().code()))
					.collectList();
			});
	}

	@BatchMapping(typeName = "Axis", field = "priorities")
	Mono<Map<Axis, List<Priority>>> axisPriorities(List<Axis> axes) {
		return grouped(axes, Axis::number, this.actions::findPrioritiesOfAxes, Priority::axisNumber);
	}

	@BatchMapping(typeName = "Priority", field = "axis")
	Mono<Map<Priority, Axis>> priorityAxis(List<Priority> priorities) {
		return single(priorities, Priority::axisNumber, this.actions::findAxes, Axis::number);
	}

	@BatchMapping(typeName = "Priority", field = "actions")
	Mono<Map<Priority, List<Action>>> priorityActions(List<Priority> priorities) {
		return grouped(priorities, Priority::id, ids -> this.actions.findChildren(ids, false), Action::priorityId);
	}

	@BatchMapping(typeName = "Action", field = "axis")
	Mono<Map<Action, Axis>> actionAxis(List<Action> actions) {
		return single(actions, Action::axisNumber, this.actions::findAxes, Axis::number);
	}

	@BatchMapping(typeName = "Action", field = "priority")
	Mono<Map<Action, Priority>> actionPriority(List<Action> actions) {
		return single(actions, Action::priorityId, this.actions::findPriorities, Priority::id);
	}

	@BatchMapping(typeName = "Action", field = "parent")
	Mono<Map<Action, Action>> actionParent(List<Action> actions) {
		return single(actions, Action::parentId, this.actions::findActions, Action::id);
	}

	@BatchMapping(typeName = "Action", field = "subActions")
	Mono<Map<Action, List<Action>>> actionSubActions(List<Action> actions) {
		return grouped(actions, Action::id, ids -> this.actions.findChildren(ids, true), Action::parentId);
	}

	@BatchMapping(typeName = "Action", field = "themes")
	Mono<Map<Action, List<Theme>>> actionThemes(List<Action> actions) {
		return this.actions.findThemesOfActions(actions.stream().map(Action::id).collect(Collectors.toSet()))
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map(byAction -> listsFor(actions, action -> byAction.get(action.id())));
	}

	@BatchMapping(typeName = "Action", field = "territories")
	Mono<Map<Action, List<Territory>>> actionTerritories(List<Action> actions) {
		return this.cited.territoriesOf(actions, Action::citedAs);
	}

	@SchemaMapping(typeName = "Territory", field = "actions")
	Mono<List<Action>> territoryActions(Territory territory, @Argument String theme, @Argument Integer axis,
			DataFetchingEnvironment env) {
		// Loaded at once (before the batch is dispatched); the arguments are checked against cached sets.
		DataLoader<TerritoryActionsKey, List<Action>> loader = env.getDataLoader(TERRITORY_ACTIONS_LOADER);
		CompletableFuture<List<Action>> actions = loader.load(new TerritoryActionsKey(territory.key(), new Question(theme, axis)));
		return checkAxis(axis, "axis")
			.then(checkThemes((theme != null) ? List.of(theme) : null, "theme"))
			.then(Mono.fromFuture(actions));
	}

	@BatchMapping(typeName = "Territory", field = "themes")
	Mono<Map<Territory, List<Theme>>> territoryThemes(List<Territory> territories) {
		return this.cited.codesOf(territories.stream().map(Territory::key).toList()).flatMap(codesOf -> {
			Set<String> codes = codesOf.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
			if (codes.isEmpty()) {
				return Mono.just(listsFor(territories, territory -> List.<Theme>of()));
			}
			return this.actions.findThemesCiting(codes).collectList().map(themes -> listsFor(territories,
					territory -> themes.stream()
						.filter(theme -> citesAny(theme.getKey(), codesOf.get(territory.key())))
						.map(Map.Entry::getValue)
						.distinct()
						.toList()));
		});
	}

	private Mono<Map<TerritoryActionsKey, List<Action>>> loadTerritoryActions(Set<TerritoryActionsKey> keys) {
		Map<Question, List<TerritoryActionsKey>> byQuestion = keys.stream()
			.collect(Collectors.groupingBy(TerritoryActionsKey::question));
		return this.cited.codesOf(keys.stream().map(TerritoryActionsKey::territory).collect(Collectors.toSet()))
			.flatMapMany(codesOf -> Flux.fromIterable(byQuestion.entrySet()).flatMap(entry -> {
				Question question = entry.getKey();
				Set<String> codes = new HashSet<>();
				entry.getValue().forEach(key -> codes.addAll(codesOf.get(key.territory())));
				Mono<List<Action>> matching = codes.isEmpty() ? Mono.just(List.of())
						: this.actions.findMatching(question.axis(), question.themes(), codes).collectList();
				return matching.flatMapIterable(found -> entry.getValue().stream()
					.map(key -> Map.entry(key, found.stream()
						.filter(action -> citesAny(action.citedAs(), codesOf.get(key.territory())))
						.toList()))
					.toList());
			}))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private Mono<Void> checkAxis(Integer axis, String argument) {
		if (axis == null) {
			return Mono.empty();
		}
		return this.actions.axisNumbers().flatMap(numbers -> numbers.contains(axis) ? Mono.<Void>empty()
				: Mono.error(new ApiException(ErrorCode.UNKNOWN_AXIS, argument,
						"Argument '" + argument + "' is " + axis + "; the axes are numbered " + sorted(numbers))));
	}

	private Mono<Void> checkThemes(List<String> themes, String argument) {
		if (themes == null) {
			return Mono.empty();
		}
		return this.actions.themeSlugs().flatMap(slugs -> {
			List<String> unknown = themes.stream().filter(theme -> !slugs.contains(theme)).toList();
			return unknown.isEmpty() ? Mono.<Void>empty()
					: Mono.error(new ApiException(ErrorCode.UNKNOWN_THEME, argument, "Argument '" + argument
							+ "' names no theme: " + unknown + "; the theme slugs are " + sorted(slugs)));
		});
	}

	/** Each source with the one value whose key it refers to; one query for all, none if no source refers. */
	private static <S, K, V> Mono<Map<S, V>> single(List<S> sources, Function<S, K> reference,
			Function<Set<K>, Flux<V>> find, Function<V, K> key) {
		Set<K> keys = sources.stream().map(reference).filter(Objects::nonNull).collect(Collectors.toSet());
		if (keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return find.apply(keys).collectMap(key)
			.map(found -> valuesFor(sources, source -> found.get(reference.apply(source))));
	}

	/** Each source with the values referring to its key, in the order found; one query for all. */
	private static <S, K, V> Mono<Map<S, List<V>>> grouped(List<S> sources, Function<S, K> key,
			Function<Set<K>, Flux<V>> find, Function<V, K> reference) {
		return find.apply(sources.stream().map(key).collect(Collectors.toSet())).collectMultimap(reference)
			.map(found -> listsFor(sources, source -> found.get(key.apply(source))));
	}

	private static boolean citesAny(List<String> citedAs, Set<String> codes) {
		return citedAs.stream().anyMatch(codes::contains);
	}

	private static <T extends Comparable<T>> List<T> sorted(Collection<T> values) {
		return values.stream().sorted().toList();
	}

	/** Each source with its value; sources without one are left out (the field is then null). */
	private static <K, V> Map<K, V> valuesFor(List<K> sources, Function<K, V> value) {
		Map<K, V> values = new LinkedHashMap<>();
		for (K source : sources) {
			V found = value.apply(source);
			if (found != null) {
				values.put(source, found);
			}
		}
		return values;
	}

	/** Each source with its list, empty where there is none. */
	private static <K, V> Map<K, List<V>> listsFor(List<K> sources, Function<K, Collection<V>> list) {
		Map<K, List<V>> lists = new LinkedHashMap<>();
		for (K source : sources) {
			Collection<V> found = list.apply(source);
			lists.put(source, (found != null) ? List.copyOf(found) : List.of());
		}
		return lists;
	}

}
