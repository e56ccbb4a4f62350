package fr.pactecarto.territory;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.TrivialDataFetcher;
import graphql.execution.DataFetcherResult;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
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
 * The field {@code Territory.geometry(zoom)}: the outline read beside the territories by the field above it
 * ({@link #withOutlines}), or else by a DataLoader, in one statement per zoom.
 * <p>
 * Wired as a plain graphql-java data fetcher, not as a {@code @SchemaMapping} method: it runs once per territory
 * of an answer (1,543 times for the communes in the Nord's box), and Spring for GraphQL 2.0 builds a handler
 * method for every call (formatting the Java method's signature for an assertion message), binds its arguments
 * by reflection and propagates the thread-local context around it: 3.4 MB of the 12.9 MB allocated for a
 * department's communes at zoom 10-12. It is a {@link TrivialDataFetcher}, not decorated with that context: it
 * does no I/O and uses no context, returning an outline already read or handing its key to the DataLoader.
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
	 * Outlines read together with the territories, for their {@code geometry} fields: when every
	 * {@code geometry} selected under {@code territories} asks for the same zoom (as a map does), the whole
	 * answer takes one SQL statement.
	 */
	record PrefetchedOutlines(int zoom, Map<TerritoryKey, GeoJson> outlines) {
	}

	private final TerritoryRepository territories;

	TerritoryGeometry(TerritoryRepository territories, BatchLoaderRegistry loaders) {
		this.territories = territories;
		loaders.<GeometryKey, GeoJson>forName(LOADER).registerMappedBatchLoader((keys, env) -> load(keys));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		TrivialDataFetcher<CompletableFuture<GeoJson>> geometry = this::geometry;
		wiring.type("Territory", type -> type.dataFetcher("geometry", geometry));
	}

	/**
	 * The zoom of the {@code geometry} fields selected under the field of {@code env}, when they all ask for the
	 * same valid one (the outlines can then be read with the territories); null otherwise.
	 * <p>
	 * Read from the field's own selections, through its fragments, rather than from graphql-java's selection set,
	 * which normalises the whole operation first: 3.2 % of the service's CPU on partner apps' varied documents.
	 * Directives are not evaluated: a skipped {@code geometry} at most costs an outline read for nothing, as the
	 * field itself checks that the outline read is the one it asks for.
	 */
	static Integer singleZoom(DataFetchingEnvironment env) {
		Set<Object> zooms = new HashSet<>();
		Set<String> fragments = new HashSet<>();
		for (Field field : env.getMergedField().getFields()) {
			collectZooms(field.getSelectionSet(), env, zooms, fragments);
		}
		return (zooms.size() == 1 && zooms.iterator().next() instanceof Integer zoom && isZoom(zoom)) ? zoom : null;
	}

	// Each fragment is read once, however often it is spread (the zooms are a set).
	private static void collectZooms(SelectionSet selections, DataFetchingEnvironment env, Set<Object> zooms,
			Set<String> fragments) {
		if (selections == null) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field && field.getName().equals("geometry")) {
				Argument zoom = field.getArguments().stream().filter(argument -> argument.getName().equals("zoom")).findFirst().orElse(null);
				zooms.add((zoom != null) ? value(zoom.getValue(), env) : null);
			}
			else if (selection instanceof InlineFragment inline) {
				collectZooms(inline.getSelectionSet(), env, zooms, fragments);
			}
			else if (selection instanceof FragmentSpread spread && fragments.add(spread.getName())) {
				FragmentDefinition fragment = env.getFragmentsByName().get(spread.getName());
				collectZooms((fragment != null) ? fragment.getSelectionSet() : null, env, zooms, fragments);
			}
		}
	}

	// A zoom as written (a literal or a variable's value); null for anything else, which is no single zoom.
	private static Object value(Value<?> value, DataFetchingEnvironment env) {
		if (value instanceof IntValue literal) {
			BigInteger zoom = literal.getValue();
			return (zoom.bitLength() < 32) ? zoom.intValue() : null;
		}
		if (value instanceof VariableReference variable) {
			return env.getVariables().get(variable.getName());
		}
		return null;
	}

	private static boolean isZoom(int zoom) {
		return zoom >= 0 && zoom <= MAX_ZOOM;
	}

	/** {@code data}, with the outlines read beside it for the {@code geometry(zoom)} fields under it (none without a zoom). */
	static <T> DataFetcherResult<T> withOutlines(T data, Integer zoom, List<Outlined> read) {
		DataFetcherResult.Builder<T> result = DataFetcherResult.<T>newResult().data(data);
		if (zoom != null) {
			Map<TerritoryKey, GeoJson> outlines = new HashMap<>();
			read.stream()
				.filter(outlined -> outlined.outline() != null)
				.forEach(outlined -> outlines.put(outlined.territory().key(), outlined.outline()));
			result.localContext(new PrefetchedOutlines(zoom, outlines));
		}
		return result.build();
	}

	private CompletableFuture<GeoJson> geometry(DataFetchingEnvironment env) {
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
			return CompletableFuture.completedFuture(prefetched);
		}
		DataLoader<GeometryKey, GeoJson> loader = env.getDataLoader(LOADER);
		return loader.load(new GeometryKey(territory.key(), zoom));
	}

	private Mono<Map<GeometryKey, GeoJson>> load(Set<GeometryKey> keys) {
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
