package fr.pactecarto.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Helpers for {@code @BatchMapping} methods: one query for a whole batch of sources, then each source with
 * what refers to it. Sources of several pactes may share a batch, so keys usually carry the pacte.
 */
public final class Batches {

	private Batches() {
	}

	/** Each source with the one value whose key it refers to; one query for all, none if no source refers. */
	public static <S, K, V> Mono<Map<S, V>> single(List<S> sources, Function<S, K> reference,
			Function<Set<K>, Flux<V>> find, Function<V, K> key) {
		Set<K> keys = sources.stream().map(reference).filter(Objects::nonNull).collect(Collectors.toSet());
		if (keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return find.apply(keys).collectMap(key).map(found -> valuesFor(sources, source -> found.get(reference.apply(source))));
	}

	/** Each source with the values referring to its key, in the order found; one query for all. */
	public static <S, K, V> Mono<Map<S, List<V>>> grouped(List<S> sources, Function<S, K> key,
			Function<Set<K>, Flux<V>> find, Function<V, K> reference) {
		return find.apply(sources.stream().map(key).collect(Collectors.toSet()))
			.collectMultimap(reference)
			.map(found -> listsFor(sources, source -> found.get(key.apply(source))));
	}

	/** Each source with its value; sources without one are left out (the field is then null). */
	public static <K, V> Map<K, V> valuesFor(List<K> sources, Function<K, V> value) {
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
	public static <K, V> Map<K, List<V>> listsFor(List<K> sources, Function<K, Collection<V>> list) {
		Map<K, List<V>> lists = new LinkedHashMap<>();
		for (K source : sources) {
			Collection<V> found = list.apply(source);
			lists.put(source, (found != null) ? List.copyOf(found) : List.of());
		}
		return lists;
	}

}
