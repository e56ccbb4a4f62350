package fr.pactecarto.territory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.Batches;
import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.pacte.Pacte;
import fr.pactecarto.pacte.Pactes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** The territory part of the GraphQL API: lookups by code, alias, parent, box and point; outlines per zoom. */
@Controller
class TerritoryController {

	private static final String LOOKUP_LOADER = "territoryLookup";

	private final TerritoryRepository territories;

	private final TerritoryGeometry geometry;

	private final Pactes pactes;

	TerritoryController(TerritoryRepository territories, TerritoryGeometry geometry, Pactes pactes,
			BatchLoaderRegistry loaders) {
		this.territories = territories;
		this.geometry = geometry;
		this.pactes = pactes;
		loaders.<TerritoryLookup, Outlined>forName(LOOKUP_LOADER)
			.registerMappedBatchLoader((keys, env) -> territories.lookUp(List.copyOf(keys)).flatMap(geometry::withOutlines));
	}

	@QueryMapping
	Mono<DataFetcherResult<List<Territory>>> territories(@Argument TerritoryFilter filter, @Argument String pacte,
			DataLoader<String, Pacte> loader, DataFetchingEnvironment env) {
		TerritoryFilter criteria = (filter != null) ? filter : new TerritoryFilter(null, null, null, null);
		Bbox bbox = (criteria.bbox() != null) ? Bbox.of(criteria.bbox(), "filter.bbox") : null;
		Selections selected = Selections.of(env);
		Integer zoom = TerritoryGeometry.singleZoom(selected);
		return this.pactes.named(pacte, loader).map(Pacte::id).flatMap(scope -> {
			Mono<Optional<TerritoryKey>> parent = (criteria.parent() != null)
					? this.territories.resolve(scope, criteria.parent())
						.switchIfEmpty(Mono.error(() -> Territories.unknown(criteria.parent(), null, "filter.parent")))
						.map(Optional::of)
					: Mono.just(Optional.empty());
			return parent
				.flatMap(key -> this.territories
					.find(scope, criteria.kinds(), criteria.codes(), key.orElse(null), bbox, selected.has("aliases"))
					.collectList())
				.flatMap(found -> checkCodesKnown(scope, criteria, found.size()).thenReturn(found));
		})
			.flatMap(found -> this.geometry.withOutlines(found, zoom));
	}

	// Only when fewer territories than codes came back can one of the codes be unknown.
	private Mono<Void> checkCodesKnown(String scope, TerritoryFilter filter, int found) {
		if (filter.codes() == null || found >= filter.codes().size()) {
			return Mono.empty();
		}
		return this.territories.unknown(scope, filter.codes(), filter.kinds()).collectList().flatMap(unknown -> unknown.isEmpty()
				? Mono.empty()
				: Mono.error(new ApiException(ErrorCode.UNKNOWN_TERRITORY, "filter.codes",
						"No territory has the code or alias " + unknown
								+ ((filter.kinds() != null) ? " among kinds " + filter.kinds() : "")
								+ " (argument 'filter.codes')")));
	}

	/**
	 * One territory by code or alias. Every {@code territory} field of a request (aliases of a partner app's
	 * query: {@code t04: territory(code: "04") { geometry(zoom: 8) } … t13: territory(code: "13") { … }}) is
	 * looked up in one statement, with the outline each asks for.
	 */
	@QueryMapping
	Mono<DataFetcherResult<Territory>> territory(@Argument String code, @Argument TerritoryKind kind,
			@Argument String pacte, DataLoader<String, Pacte> loader, DataFetchingEnvironment env) {
		String stripped = (code != null) ? code.strip() : "";
		Integer zoom = TerritoryGeometry.singleZoom(Selections.of(env));
		DataLoader<TerritoryLookup, Outlined> lookups = env.getDataLoader(LOOKUP_LOADER);
		CompletableFuture<Outlined> found = lookups.load(new TerritoryLookup(this.pactes.idOf(pacte), stripped, kind, zoom));
		return this.pactes.named(pacte, loader)
			.then(Mono.fromFuture(found))
			.switchIfEmpty(Mono.error(() -> Territories.unknown(code, kind, "code")))
			.map(outlined -> TerritoryGeometry.withOutline(outlined, zoom));
	}

	@QueryMapping
	Flux<Territory> territoriesAt(@Argument double lon, @Argument double lat, @Argument String pacte,
			DataLoader<String, Pacte> loader, DataFetchingEnvironment env) {
		Coordinates.checkLon(lon, "lon");
		Coordinates.checkLat(lat, "lat");
		boolean aliases = Selections.of(env).has("aliases");
		return this.pactes.named(pacte, loader).flatMapMany(scope -> this.territories.findAt(scope.id(), lon, lat, aliases));
	}

	@BatchMapping
	Mono<Map<Territory, Territory>> parent(List<Territory> children) {
		return this.territories
			.findForEach(children, Territory::pacte, child -> (child.parentKey() != null) ? List.of(child.parentKey()) : List.of())
			.map(parents -> Batches.valuesFor(children, child -> parents.get(child).isEmpty() ? null : parents.get(child).get(0)));
	}

	@BatchMapping
	Mono<Map<Territory, List<Territory>>> children(List<Territory> parents) {
		Map<String, Set<TerritoryKey>> byScope = parents.stream()
			.collect(Collectors.groupingBy(Territory::pacte, Collectors.mapping(Territory::key, Collectors.toSet())));
		return Flux.fromIterable(byScope.entrySet())
			.flatMap(scope -> this.territories.findChildren(scope.getKey(), scope.getValue()))
			.collectMultimap(child -> List.of(child.pacte(), child.parentKey()))
			.map(children -> Batches.listsFor(parents, parent -> children.get(List.of(parent.pacte(), parent.key()))));
	}

}
