package fr.pactecarto.live;

import java.util.List;

import reactor.core.publisher.Flux;

import fr.pactecarto.pacte.Pactes;
import fr.pactecarto.pacte.action.Coverage;
import fr.pactecarto.pacte.action.TerritoryCoverage;
import fr.pactecarto.pacte.edit.Change;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * The GraphQL subscriptions: a pacte's changes as the audit trail records them, and the map's question answered
 * again each time the data changes its answer.
 */
@Controller
class LiveController {

	private final Pactes pactes;

	private final Coverage coverage;

	private final CoverageStreams streams;

	private final ChangeStream changes;

	LiveController(Pactes pactes, Coverage coverage, CoverageStreams streams, ChangeStream changes) {
		this.pactes = pactes;
		this.coverage = coverage;
		this.streams = streams;
		this.changes = changes;
	}

	@SubscriptionMapping
	Flux<Change> pacteChanged(@Argument String pacte) {
		return this.pactes.named(pacte).flatMapMany(found -> this.changes.changes()
			.filter(change -> change.pacte().equals(found.id())));
	}

	@SubscriptionMapping
	Flux<List<TerritoryCoverage>> coverageChanged(@Argument String theme, @Argument Integer axis, @Argument String pacte) {
		// A question watched already was checked when its stream started: thousands of map pages subscribing at
		// once to the same question cost no statement each.
		CoverageStreams.Question watched = new CoverageStreams.Question(this.pactes.idOf(pacte), theme, axis);
		if (this.streams.isWatched(watched)) {
			return this.streams.of(watched);
		}
		// The question is checked before subscribing: an unknown pacte, theme or axis is an error at once.
		return this.pactes.named(pacte)
			.flatMap(found -> this.coverage.of(found.id(), theme, axis, "theme", "axis").thenReturn(found.id()))
			.flatMapMany(id -> this.streams.of(new CoverageStreams.Question(id, theme, axis)));
	}

}
