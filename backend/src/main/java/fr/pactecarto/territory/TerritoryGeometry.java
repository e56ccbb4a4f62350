package fr.pactecarto.territory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.TrivialDataFetcher;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.GeoJson;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The field {@code Territory.geometry(zoom)}: the outline looked up beside the territories by the field above it
 * ({@link #withOutlines}), or else by a DataLoader, in one look-up per zoom ({@link TerritoryOutlines}: from memory,
 * or one statement for those not kept).
 * <p>
 * Wired as a plain graphql-java data fetcher, not as a {@code @SchemaMapping} method: it runs once per territory
 * of an answer (1,543 times for the communes in the Nord's box), and Spring for GraphQL 2.0 builds a handler
 * method for every call (formatting the Java method's signature for an assertion message), binds its arguments
 * by reflection and propagates the thread-local context around it: 3.4 MB of the 12.9 MB allocated for a
 * department's communes at zoom 10-12. It is a {@link TrivialDataFetcher}, not decorated with that context: it
 * does no I/O and uses no context, returning an outline already looked up or handing its key to the DataLoader.
 */
@Component
class TerritoryGeometry implements RuntimeWiringConfigurer {

	private static final String LOADER = "territoryGeometry";

	/** The deepest web-map zoom a {@code geometry(zoom)} may ask for (the last outline band, 13–20, is the full one). */
	private static final int MAX_ZOOM = 20;

	/** What a {@code geometry(zoom)} field asks for; outlines are loaded in one query per zoom. */
	record GeometryKey(TerritoryKey territory, Integer zoom) {
	}

	/**
	 * Outlines looked up together with the territories, for their {@code geometry} fields: when every
	 * {@code geometry} selected under {@code territories} asks for the same zoom (as a map does), the whole
	 * answer takes one look-up of outlines.
	 */
	record PrefetchedOutlines(int zoom, Map<TerritoryKey, GeoJson> outlines) {
	}

	private final TerritoryOutlines outlines;

	TerritoryGeometry(TerritoryOutlines outlines, BatchLoaderRegistry loaders) {
		this.outlines = outlines;
		loaders.<GeometryKey, GeoJson>forName(LOADER).registerMappedBatchLoader((keys, env) -> load(keys));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		TrivialDataFetcher<Object> geometry = this::geometry;
		wiring.type("Territory", type -> type.dataFetcher("geometry", geometry));
	}

	/**
	 * The zoom of the {@code geometry} fields among these selections, when they all ask for the same valid one (the
	 * outlines can then be read with the territories); null otherwise. A skipped {@code geometry} at most costs an
	 * outline read for nothing, as the field itself checks that the outline read is the one it asks for.
	 */
	static Integer singleZoom(Selections selections) {
		Set<Object> zooms = selections.zooms();
		return (zooms.size() == 1 && zooms.iterator().next() instanceof Integer zoom && isZoom(zoom)) ? zoom : null;
	}

	private static boolean isZoom(int zoom) {
		return zoom >= 0 && zoom <= MAX_ZOOM;
	}

	/**
	 * These territories, with their outlines at {@code zoom} looked up beside them for the {@code geometry(zoom)}
	 * fields under them (none without a zoom).
	 */
	Mono<DataFetcherResult<List<Territory>>> withOutlines(List<Territory> territories, Integer zoom) {
		if (zoom == null) {
			return Mono.just(DataFetcherResult.<List<Territory>>newResult().data(territories).build());
		}
		return this.outlines.at(territories.stream().map(Territory::key).toList(), zoom)
			.map(outlines -> DataFetcherResult.<List<Territory>>newResult().data(territories)
				.localContext(new PrefetchedOutlines(zoom, outlines))
				.build());
	}

	/** A territory found by a look-up, with the outline looked up for it at {@code zoom}, if any. */
	static DataFetcherResult<Territory> withOutline(Outlined found, Integer zoom) {
		DataFetcherResult.Builder<Territory> result = DataFetcherResult.<Territory>newResult().data(found.territory());
		if (zoom != null && found.outline() != null) {
			result.localContext(new PrefetchedOutlines(zoom, Map.of(found.territory().key(), found.outline())));
		}
		return result.build();
	}

	/**
	 * Each of these territories found by a look-up with the outline the look-up asks for ({@code outlineZoom}), in one
	 * look-up of outlines per zoom.
	 */
	Mono<Map<TerritoryLookup, Outlined>> withOutlines(Map<TerritoryLookup, Territory> found) {
		Set<GeometryKey> wanted = new HashSet<>();
		found.forEach((lookup, territory) -> {
			if (lookup.outlineZoom() != null) {
				wanted.add(new GeometryKey(territory.key(), lookup.outlineZoom()));
			}
		});
		return load(wanted).map(outlines -> {
			Map<TerritoryLookup, Outlined> outlined = new HashMap<>();
			found.forEach((lookup, territory) -> outlined.put(lookup,
					new Outlined(territory, outlines.get(new GeometryKey(territory.key(), lookup.outlineZoom())))));
			return outlined;
		});
	}

	// The outline itself when it was looked up beside the territory (graphql-java then completes it at once, where a
	// completed future still went through its asynchronous path, per territory), else the DataLoader's future.
	private Object geometry(DataFetchingEnvironment env) {
		Territory territory = env.getSource();
		Integer zoom = env.getArgument("zoom");
		if (zoom != null && !isZoom(zoom)) {
			throw ApiException.invalid("zoom",
					"Argument 'zoom' must be a web-map zoom level from 0 to " + MAX_ZOOM + ", got " + zoom);
		}
		// Runs once per territory of an answer: one look-up in the outlines read beside them.
		GeoJson prefetched = (zoom != null && env.getLocalContext() instanceof PrefetchedOutlines outlines
				&& outlines.zoom() == zoom) ? outlines.outlines().get(territory.key()) : null;
		if (prefetched != null) {
			return prefetched;
		}
		DataLoader<GeometryKey, GeoJson> loader = env.getDataLoader(LOADER);
		return loader.load(new GeometryKey(territory.key(), zoom));
	}

	// The outlines these keys ask for: one look-up per zoom (TerritoryOutlines), the full ones for a null zoom.
	private Mono<Map<GeometryKey, GeoJson>> load(Set<GeometryKey> keys) {
		Map<Integer, List<TerritoryKey>> byZoom = keys.stream()
			.collect(Collectors.groupingBy(key -> (key.zoom() != null) ? key.zoom() : -1,
					Collectors.mapping(GeometryKey::territory, Collectors.toList())));
		return Flux.fromIterable(byZoom.entrySet())
			.flatMap(entry -> {
				Integer zoom = (entry.getKey() >= 0) ? entry.getKey() : null;
				return this.outlines.at(new HashSet<>(entry.getValue()), zoom)
					.flatMapIterable(Map::entrySet)
					.map(found -> Map.entry(new GeometryKey(found.getKey(), zoom), found.getValue()));
			})
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

}
