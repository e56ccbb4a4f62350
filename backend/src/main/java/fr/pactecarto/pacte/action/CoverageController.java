package fr.pactecarto.pacte.action;

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

	private final Coverage coverage;

	private final Pactes pactes;

	CoverageController(ActionRepository actions, Coverage coverage, Pactes pactes, BatchLoaderRegistry loaders) {
		this.actions = actions;
		this.coverage = coverage;
		this.pactes = pactes;
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
		return this.coverage.of(pacte.id(), theme, axis, "theme", "axis");
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
			.flatMap(entry -> this.coverage.matching(entry.getKey().pacte(), entry.getKey().axis(),
					entry.getKey().themes(), "axis", "theme")
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
