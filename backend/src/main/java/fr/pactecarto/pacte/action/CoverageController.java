package fr.pactecarto.pacte.action;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.Batches;
import fr.pactecarto.pacte.Pacte;
import fr.pactecarto.pacte.Pactes;
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
 * The map's question « qui agit sur … ? » (coverage of a theme and/or an axis) and, for each territory, the
 * actions it runs and their themes. A territory runs the actions its pacte cites it for.
 */
@Controller
class CoverageController {

	private static final String TERRITORY_ACTIONS_LOADER = "territoryActions";

	/** The map's question in a pacte: a theme and/or an axis (null: any). */
	record Question(String pacte, String theme, Integer axis) {

		List<String> themes() {
			return (this.theme != null) ? List.of(this.theme) : null;
		}

	}

	/** What a {@code Territory.actions(theme, axis)} field asks for; loaded in one query per question. */
	record TerritoryActionsKey(TerritoryKey territory, Question question) {
	}

	/** The actions of a territory for a question, or why the question cannot be answered. */
	record Answer(List<Action> actions, ApiException error) {
	}

	private final ActionRepository actions;

	private final TerritoryRepository territories;

	private final Pactes pactes;

	private final Questions questions;

	CoverageController(ActionRepository actions, TerritoryRepository territories, Pactes pactes, Questions questions,
			BatchLoaderRegistry loaders) {
		this.actions = actions;
		this.territories = territories;
		this.pactes = pactes;
		this.questions = questions;
		loaders.<TerritoryActionsKey, Answer>forName(TERRITORY_ACTIONS_LOADER)
			.registerMappedBatchLoader((keys, env) -> loadTerritoryActions(keys));
	}

	@QueryMapping
	Mono<List<TerritoryCoverage>> coverage(@Argument String theme, @Argument Integer axis, @Argument String pacte,
			DataLoader<String, Pacte> loader) {
		return this.pactes.named(pacte, loader).flatMap(found -> coverage(found, theme, axis));
	}

	@SchemaMapping(typeName = "Pacte")
	Mono<List<TerritoryCoverage>> coverage(Pacte pacte, @Argument String theme, @Argument Integer axis) {
		Question question = new Question(pacte.id(), theme, axis);
		return matching(question, "axis", "theme").flatMap(found -> {
			Map<TerritoryKey, List<Action>> byTerritory = new LinkedHashMap<>();
			for (Action action : found) {
				action.territories().forEach(key -> byTerritory.computeIfAbsent(key, k -> new ArrayList<>()).add(action));
			}
			return this.territories.findByKeys(pacte.id(), byTerritory.keySet())
				.map(territory -> new TerritoryCoverage(territory, byTerritory.get(territory.key()).size(),
						byTerritory.get(territory.key())))
				.sort(Comparator.comparingInt(TerritoryCoverage::actionCount).reversed()
					.thenComparing(coverage -> coverage.territory().code()))
				.collectList();
		});
	}

	/**
	 * The actions matching the question. An empty answer may come from an unknown axis or theme: only then is
	 * the question checked (a matching action proves both exist).
	 */
	private Mono<List<Action>> matching(Question question, String axisArgument, String themeArgument) {
		return this.actions.findMatching(question.pacte(), question.axis(), question.themes())
			.collectList()
			.flatMap(found -> found.isEmpty() ? this.questions
				.check(question.pacte(), question.axis(), axisArgument, question.themes(), themeArgument)
				.thenReturn(found) : Mono.just(found));
	}

	@SchemaMapping(typeName = "Territory", field = "actions")
	CompletableFuture<List<Action>> territoryActions(Territory territory, @Argument String theme, @Argument Integer axis,
			DataFetchingEnvironment env) {
		DataLoader<TerritoryActionsKey, Answer> loader = env.getDataLoader(TERRITORY_ACTIONS_LOADER);
		return loader.load(new TerritoryActionsKey(territory.key(), new Question(territory.pacte(), theme, axis)))
			.thenApply(answer -> {
				if (answer.error() != null) {
					throw answer.error();
				}
				return answer.actions();
			});
	}

	private Mono<Map<TerritoryActionsKey, Answer>> loadTerritoryActions(Set<TerritoryActionsKey> keys) {
		Map<Question, List<TerritoryActionsKey>> byQuestion = keys.stream()
			.collect(Collectors.groupingBy(TerritoryActionsKey::question));
		return Flux.fromIterable(byQuestion.entrySet())
			.flatMap(entry -> matching(entry.getKey(), "axis", "theme")
				.map(found -> entry.getValue().stream()
					.map(key -> Map.entry(key, new Answer(found.stream()
						.filter(action -> action.territories().contains(key.territory()))
						.toList(), null)))
					.toList())
				.onErrorResume(ApiException.class, error -> Mono.just(entry.getValue().stream()
					.map(key -> Map.entry(key, new Answer(List.of(), error)))
					.toList())))
			.flatMapIterable(entries -> entries)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	@BatchMapping(typeName = "Territory", field = "themes")
	Mono<Map<Territory, List<Theme>>> territoryThemes(List<Territory> territories) {
		Set<String> pactes = territories.stream().map(Territory::pacte).collect(Collectors.toSet());
		return Flux.fromIterable(pactes)
			.flatMap(this.actions::findThemesWithTerritories)
			.collectList()
			.map(themes -> Batches.listsFor(territories, territory -> themes.stream()
				.filter(theme -> theme.getValue().pacte().equals(territory.pacte())
						&& theme.getKey().contains(territory.key()))
				.map(Map.Entry::getValue)
				.distinct()
				.toList()));
	}

}
