package fr.pactecarto.live;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.pacte.edit.Audit;
import fr.pactecarto.pacte.edit.Change;

import org.springframework.stereotype.Component;

/**
 * The audit trail as it grows: each change of the data announced (or a reconnection of the listener) makes this
 * instance read the trail's entries after the last one it sent, so that a change committed while it could not
 * hear is sent late, never lost. One reading per announcement for all the subscribers of the instance.
 */
@Component
class ChangeStream {

	private static final Logger logger = LoggerFactory.getLogger(ChangeStream.class);

	private static final int BATCH = 500;

	private final Flux<Change> changes;

	ChangeStream(Audit audit, DataVersion versions) {
		AtomicLong last = new AtomicLong(-1);
		this.changes = Mono.defer(() -> audit.lastId().doOnNext(last::set))
			.thenMany(versions.changes().onBackpressureLatest())
			.concatMap(version -> readAfter(audit, last), 1)
			.publish()
			.refCount();
	}

	// All the entries after the last one read, a batch at a time.
	private static Flux<Change> readAfter(Audit audit, AtomicLong last) {
		Mono<List<Change>> batch = Mono.defer(() -> audit.findAfter(last.get(), BATCH).collectList())
			.doOnNext(read -> {
				if (!read.isEmpty()) {
					last.set(read.get(read.size() - 1).id());
				}
			});
		return batch.expand(read -> (read.size() < BATCH) ? Mono.empty() : batch)
			.flatMapIterable(read -> read)
			.onErrorResume(error -> {
				logger.warn("Audit trail not read after change {}: {}", last.get(), error.getMessage());
				return Flux.empty();
			});
	}

	/** The changes committed from now on. */
	Flux<Change> changes() {
		return this.changes;
	}

}
