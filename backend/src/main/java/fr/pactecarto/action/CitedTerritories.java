package fr.pactecarto.action;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.territory.Territory;
import fr.pactecarto.territory.TerritoryKey;
import fr.pactecarto.territory.TerritoryRepository;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The territories behind the codes the Pacte cites ({@code 04}, {@code NCA}, {@code VdM}…), in its actions and
 * funding lines. The Pacte is stored before any territory is imported, so codes are resolved at query time,
 * with {@link TerritoryRepository#resolve}; a resolved code is remembered (the Pacte's codes and the territories
 * they name change only by migration), a code not imported yet is tried again next time. After the first
 * request, resolving costs no SQL statement at all.
 */
@Component
public class CitedTerritories {

	private static final String CITED_CODES = """
			SELECT DISTINCT code FROM (
			    SELECT unnest(cited_as) AS code FROM pacte_action
			    UNION ALL
			    SELECT unnest(partner_codes) FROM pacte_funding_line
			) cited
			""";

	private final TerritoryRepository territories;

	private final Mono<List<String>> citedCodes;

	private final Map<String, TerritoryKey> resolved = new ConcurrentHashMap<>();

	CitedTerritories(TerritoryRepository territories, DatabaseClient db) {
		this.territories = territories;
		this.citedCodes = db.sql(CITED_CODES).map(row -> row.get("code", String.class)).all().collectList()
			.cache(codes -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
	}

	/** Each code the Pacte cites with the territory it names; codes naming no imported territory are left out. */
	public Mono<Map<String, TerritoryKey>> byCode() {
		return this.citedCodes.flatMap(codes -> Flux.fromIterable(codes)
			.filter(code -> !this.resolved.containsKey(code))
			.flatMap(code -> this.territories.resolve(code, null, "citedAs")
				.doOnNext(key -> this.resolved.put(code, key))
				.onErrorResume(ApiException.class, notImported -> Mono.empty()))
			.then(Mono.fromSupplier(() -> Map.copyOf(this.resolved))));
	}

	/** The codes the Pacte cites for each of these territories (a territory may be cited as `VdM` and `VDM`). */
	public Mono<Map<TerritoryKey, Set<String>>> codesOf(Collection<TerritoryKey> keys) {
		return byCode().map(byCode -> {
			Map<TerritoryKey, Set<String>> codes = new LinkedHashMap<>();
			keys.forEach(key -> codes.put(key, new LinkedHashSet<>()));
			byCode.forEach((code, key) -> {
				if (codes.containsKey(key)) {
					codes.get(key).add(code);
				}
			});
			return codes;
		});
	}

	/**
	 * Each source with the imported territories its cited codes name, distinct, in the order first cited: one
	 * query for all the sources.
	 */
	public <S> Mono<Map<S, List<Territory>>> territoriesOf(List<S> sources, Function<S, List<String>> citedAs) {
		return byCode().flatMap(byCode -> {
			Set<TerritoryKey> keys = sources.stream()
				.flatMap(source -> resolve(citedAs.apply(source), byCode).stream())
				.collect(Collectors.toSet());
			return this.territories.findByKeys(keys).collectMap(Territory::key).map(found -> {
				Map<S, List<Territory>> bySource = new LinkedHashMap<>();
				sources.forEach(source -> bySource.put(source, resolve(citedAs.apply(source), byCode).stream()
					.map(found::get)
					.filter(Objects::nonNull)
					.toList()));
				return bySource;
			});
		});
	}

	/** The distinct territories these codes name, in the order first cited. */
	static List<TerritoryKey> resolve(List<String> citedAs, Map<String, TerritoryKey> byCode) {
		return citedAs.stream().map(byCode::get).filter(key -> key != null).distinct().toList();
	}

}
