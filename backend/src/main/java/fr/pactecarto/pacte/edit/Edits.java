package fr.pactecarto.pacte.edit;

import java.util.function.BiFunction;

import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.live.DataVersion;
import fr.pactecarto.pacte.Pactes;
import fr.pactecarto.pacte.action.Action;
import fr.pactecarto.pacte.action.ActionRepository;
import fr.pactecarto.security.PacteUser;

import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * How every mutation runs: as the signed-in user, in one R2DBC transaction that first takes the pacte's lock
 * (the importer's: edits and imports of a pacte are serialised), then — once committed — with this instance's
 * data version read again ({@link DataVersion#refresh}), so that the writer's next query never gets an answer
 * cached from before its change.
 */
@Component
class Edits {

	private final TransactionalOperator transaction;

	private final EditStore store;

	private final Pactes pactes;

	private final DataVersion version;

	private final ActionRepository actions;

	Edits(ConnectionFactory connections, EditStore store, Pactes pactes, DataVersion version, ActionRepository actions) {
		this.transaction = TransactionalOperator.create(new R2dbcTransactionManager(connections));
		this.store = store;
		this.pactes = pactes;
		this.version = version;
		this.actions = actions;
	}

	/** Runs {@code work} (pacte id, user → its result) in a transaction; {@code UNKNOWN_PACTE} when there is no such pacte. */
	<T> Mono<T> write(String pacteArgument, BiFunction<String, PacteUser, Mono<T>> work) {
		String pacte = this.pactes.idOf(pacteArgument);
		return PacteUser.current()
			.switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.UNAUTHENTICATED, null, "Sign in first")))
			.flatMap(user -> this.transaction.transactional(this.store.lock(pacte).flatMap(found -> found
					? work.apply(pacte, user)
					: Mono.error(new ApiException(ErrorCode.UNKNOWN_PACTE, "input.pacte", "No pacte has the id '" + pacte
							+ "'; the query 'pactes' lists them")))))
			.flatMap(result -> this.version.refresh().thenReturn(result));
	}

	/** {@link #write} for an action: the action as it is after the commit. */
	Mono<Action> run(String pacteArgument, BiFunction<String, PacteUser, Mono<String>> work) {
		String pacte = this.pactes.idOf(pacteArgument);
		return write(pacteArgument, work).flatMap(id -> this.actions.findAction(pacte, id));
	}

}
