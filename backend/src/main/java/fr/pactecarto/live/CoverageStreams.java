package fr.pactecarto.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.pacte.action.Coverage;
import fr.pactecarto.pacte.action.TerritoryCoverage;

import org.springframework.stereotype.Component;

/**
 * One stream per question (pacte, theme, axis) that emits the question's new coverage each time a change of
 * the data changes it, and only then. The coverage is computed once per change for all the question's
 * subscribers, not once per subscriber; a stream stops when its last subscriber leaves.
 */
@Component
class CoverageStreams {

	private static final Logger logger = LoggerFactory.getLogger(CoverageStreams.class);

	record Question(String pacte, String theme, Integer axis) {
	}

	private final Coverage coverage;

	private final DataVersion versions;

	private final Map<Question, Flux<List<TerritoryCoverage>>> streams = new ConcurrentHashMap<>();

	// Questions whose stream runs and has its baseline: a change from now on is compared with it.
	private final Set<Question> watched = ConcurrentHashMap.newKeySet();

	CoverageStreams(Coverage coverage, DataVersion versions) {
		this.coverage = coverage;
		this.versions = versions;
	}

	/** The stream of the question, which must have been checked (its pacte, axis and theme exist). */
	Flux<List<TerritoryCoverage>> of(Question question) {
		return this.streams.computeIfAbsent(question, this::stream);
	}

	private Flux<List<TerritoryCoverage>> stream(Question question) {
		// The first element is the coverage when the stream starts: the baseline, not sent. Changes announced
		// while a coverage is computed are not lost: the latest waits for the next computation.
		return this.versions.changes()
			.startWith(DataVersion.UNKNOWN)
			.onBackpressureLatest()
			.concatMap(version -> this.coverage.of(question.pacte(), question.theme(), question.axis(), "theme", "axis")
				.onErrorResume(error -> {
					logger.warn("Coverage of {} not recomputed: {}", question, error.getMessage());
					return Mono.empty();
				}), 1)
			.distinctUntilChanged()
			.doOnNext(coverage -> this.watched.add(question))
			.doOnCancel(() -> this.watched.remove(question))
			.skip(1)
			.publish()
			.refCount();
	}

	/** Whether the question's stream runs and has its baseline (for tests, and to tell a client it is live). */
	boolean isWatched(Question question) {
		return this.watched.contains(question);
	}

}
