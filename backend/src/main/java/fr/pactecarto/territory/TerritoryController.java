package fr.pactecarto.territory;

import java.util.HashMap;
import java.util.HashSet;
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
import fr.pactecarto.api.GeoJson;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** The territory part of the GraphQL API: lookups by code, alias, parent, box and point; outlines per zoom. */
@Controller
class TerritoryController {

	private static final String GEOMETRY_LOADER = "territoryGeometry";

	/** What a {@code geometry(zoom)} field asks for; outlines are loaded in one query per zoom. */
	record GeometryKey(TerritoryKey territory, Integer zoom) {
	}

	private final TerritoryRepository territories;

	TerritoryController(TerritoryRepository territories, BatchLoaderRegistry loaders) {
		this.territories = territories;
		loaders.<GeometryKey, GeoJson>forName(GEOMETRY_LOADER).registerMappedBatchLoader((keys, env) -> loadGeometries(keys));
	}

	@QueryMapping
	Flux<Territory> territories(@Argument TerritoryFilter filter) {
		if (filter == null) {
			return this.territories.find(null, null, null, null);
		}
		Bbox bbox = (filter.bbox() != null) ? Bbox.of(filter.bbox(), "filter.bbox") : null;
		Mono<TerritoryKey> parent = (filter.parent() != null)
				? this.territories.resolve(filter.parent(), null, "filter.parent") : Mono.empty();
		return parent.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMapMany(key -> this.territories.find(filter.kinds(), filter.codes(), key.orElse(null), bbox)
				.collectList()
				.flatMapMany(found -> checkCodesKnown(filter, found)));
	}

	// Cheap path first: only when fewer territories than codes came back can one of the codes be unknown.
	private Flux<Territory> checkCodesKnown(TerritoryFilter filter, List<Territory> found) {
		if (filter.codes() == null || found.size() >= filter.codes().size()) {
			return Flux.fromIterable(found);
		}
		return this.territories.unknown(filter.codes(), filter.kinds()).collectList().flatMapMany(unknown -> {
			if (unknown.isEmpty()) {
				return Flux.fromIterable(found);
			}
			return Flux.error(new ApiException(ErrorCode.UNKNOWN_TERRITORY, "filter.codes",
					"No territory has the code or alias " + unknown + ((filter.kinds() != null) ? " among kinds "
							+ filter.kinds() : "") + " (argument 'filter.codes')"));
		});
	}

	@QueryMapping
	Mono<Territory> territory(@Argument String code, @Argument TerritoryKind kind) {
		return this.territories.resolve(code, kind, "code")
			.flatMap(key -> this.territories.findByKeys(List.of(key)).next());
	}

	@QueryMapping
	Flux<Territory> territoriesAt(@Argument double lon, @Argument double lat) {
		Coordinates.checkLon(lon, "lon");
		Coordinates.checkLat(lat, "lat");
		return this.territories.findAt(lon, lat);
	}

	@BatchMapping
	Mono<Map<Territory, Territory>> parent(List<Territory> children) {
		Set<TerritoryKey> keys = children.stream()
			.map(Territory::parentKey)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		return this.territories.findByKeys(keys).collectMap(Territory::key).map(parents -> {
			Map<Territory, Territory> byChild = new HashMap<>();
			for (Territory child : children) {
				Territory parent = (child.parentKey() != null) ? parents.get(child.parentKey()) : null;
				if (parent != null) {
					byChild.put(child, parent);
				}
			}
			return byChild;
		});
	}

	@BatchMapping
	Mono<Map<Territory, List<Territory>>> children(List<Territory> parents) {
		Map<TerritoryKey, Territory> byKey = parents.stream()
			.collect(Collectors.toMap(Territory::key, Function.identity(), (a, b) -> a));
		return this.territories.findChildren(byKey.keySet())
			.collectMultimap(Territory::parentKey)
			.map(children -> parents.stream()
				.collect(Collectors.toMap(Function.identity(),
						parent -> List.copyOf(children.getOrDefault(parent.key(), List.of())), (a, b) -> a)));
	}

	@SchemaMapping
	CompletableFuture<GeoJson> geometry(Territory territory, @Argument Integer zoom, DataFetchingEnvironment env) {
		if (zoom != null && (zoom < 0 || zoom > 20)) {
			throw ApiException.invalid("zoom", "Argument 'zoom' must be a web-map zoom level from 0 to 20, got " + zoom);
		}
		DataLoader<GeometryKey, GeoJson> loader = env.getDataLoader(GEOMETRY_LOADER);
		return loader.load(new GeometryKey(territory.key(), zoom));
	}

	private Mono<Map<GeometryKey, GeoJson>> loadGeometries(Set<GeometryKey> keys) {
		Map<Integer, List<TerritoryKey>> byZoom = keys.stream()
			.collect(Collectors.groupingBy(key -> (key.zoom() != null) ? key.zoom() : -1,
					Collectors.mapping(GeometryKey::territory, Collectors.toList())));
		return Flux.fromIterable(byZoom.entrySet())
			.flatMap(entry -> {
				Integer zoom = (entry.getKey() >= 0) ? entry.getKey() : null;
				return this.territories.findGeometries(new HashSet<>(entry.getValue()), zoom)
					.map(found -> Map.entry(new GeometryKey(found.getKey(), zoom), found.getValue()));
			})
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

}
