package fr.pactecarto.pacte;

import java.util.List;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Which pacte a query is about. Every root field about the Pacte takes an optional {@code pacte} argument (a
 * pacte id); without it, the default pacte of this service ({@code pacte.default}, {@code PACTE_DEFAULT}).
 * The pactes a request names are read with one statement for the whole request (a {@link DataLoader}),
 * never kept between requests: an import is seen by the next request.
 */
@Component
public class Pactes {

	private final String defaultId;

	private final PacteRepository repository;

	Pactes(PacteRepository pactes, @Value("${pacte.default:93-2024}") String defaultId, BatchLoaderRegistry loaders) {
		this.defaultId = defaultId;
		this.repository = pactes;
		loaders.forTypePair(String.class, Pacte.class)
			.registerMappedBatchLoader((ids, env) -> pactes.findByIds(ids).collectMap(Pacte::id));
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
		return Mono.fromFuture(loader.load(idOf(argument))).switchIfEmpty(Mono.error(() -> unknown(argument)));
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
