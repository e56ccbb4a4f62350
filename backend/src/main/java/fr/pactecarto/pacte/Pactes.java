package fr.pactecarto.pacte;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.live.DataVersion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Which pacte a query is about. Every root field about the Pacte takes an optional {@code pacte} argument (a
 * pacte id); without it, the default pacte of this service ({@code pacte.default}, {@code PACTE_DEFAULT}).
 * The pactes a request names are read with one statement for the whole request (a {@link DataLoader}), and
 * kept for the next requests as long as the data's version ({@link DataVersion}) stays the same: an import or
 * an edit, by any instance, is seen by the next request told of it. Nothing is kept while the version is
 * unknown, nor for ids naming no pacte.
 */
@Component
public class Pactes {

	private final String defaultId;

	private final PacteRepository repository;

	private final DataVersion version;

	/** The pactes read at one version of the data. */
	private record Known(long version, Map<String, Pacte> pactes) {
	}

	private final AtomicReference<Known> known = new AtomicReference<>(new Known(DataVersion.UNKNOWN, Map.of()));

	Pactes(PacteRepository pactes, DataVersion version, @Value("${pacte.default:93-2024}") String defaultId,
			BatchLoaderRegistry loaders) {
		this.defaultId = defaultId;
		this.repository = pactes;
		this.version = version;
		loaders.forTypePair(String.class, Pacte.class).registerMappedBatchLoader((ids, env) -> load(ids));
	}

	private Mono<Map<String, Pacte>> load(Set<String> ids) {
		long current = this.version.current();
		Map<String, Pacte> kept = kept(current);
		if (kept.keySet().containsAll(ids)) {
			Map<String, Pacte> found = new HashMap<>();
			ids.forEach(id -> found.put(id, kept.get(id)));
			return Mono.just(found);
		}
		return this.repository.findByIds(ids).collectMap(Pacte::id).doOnNext(found -> {
			// Read at `current`: kept only if no change was heard of meanwhile.
			if (current != DataVersion.UNKNOWN && this.version.current() == current) {
				this.known.updateAndGet(before -> {
					Map<String, Pacte> pactes = new HashMap<>((before.version() == current) ? before.pactes() : Map.of());
					pactes.putAll(found);
					return new Known(current, Map.copyOf(pactes));
				});
			}
		});
	}

	// The pactes kept for this version of the data: none while it is unknown or once it has moved on.
	private Map<String, Pacte> kept(long current) {
		Known known = this.known.get();
		return (current != DataVersion.UNKNOWN && known.version() == current) ? known.pactes() : Map.of();
	}

	/** The id of the default pacte. */
	public String defaultId() {
		return this.defaultId;
	}

	/** The id the {@code pacte} argument names: the argument, stripped, or the default pacte's id. */
	public String idOf(String argument) {
		return (argument != null) ? argument.strip() : this.defaultId;
	}

	/**
	 * The pacte the {@code pacte} argument names (the default pacte when it is {@code null}); an error with code
	 * {@code UNKNOWN_PACTE} when there is none. Call it when the field is fetched (it queues the lookup).
	 */
	public Mono<Pacte> named(String argument, DataLoader<String, Pacte> loader) {
		String id = idOf(argument);
		Pacte kept = kept(this.version.current()).get(id);
		if (kept != null) {
			// Already read at this version: the field goes on at once rather than after graphql-java dispatches
			// the request's loaders (every root field names a pacte, most the default one).
			return Mono.just(kept);
		}
		return Mono.fromFuture(loader.load(id)).switchIfEmpty(Mono.error(() -> unknown(argument)));
	}

	/** As {@link #named(String, DataLoader)}, with a statement of its own (where no request batches, e.g. a subscription). */
	public Mono<Pacte> named(String argument) {
		return this.repository.findByIds(List.of(idOf(argument))).next().switchIfEmpty(Mono.error(() -> unknown(argument)));
	}

	private ApiException unknown(String argument) {
		String id = idOf(argument);
		return new ApiException(ErrorCode.UNKNOWN_PACTE, "pacte", (argument != null)
				? "No pacte has the id '" + id + "' (argument 'pacte'); the query 'pactes' lists them"
				: "The default pacte '" + id + "' is not loaded: import it (make import-pacte) or set PACTE_DEFAULT");
	}

}
