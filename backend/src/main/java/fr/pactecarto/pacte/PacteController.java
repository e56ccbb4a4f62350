package fr.pactecarto.pacte;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import fr.pactecarto.action.ActionRepository;
import fr.pactecarto.action.Axis;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The source document, the national measures and the Pactes locaux framework. */
@Controller
class PacteController {

	private final PacteRepository pacte;

	private final ActionRepository actions;

	PacteController(PacteRepository pacte, ActionRepository actions) {
		this.pacte = pacte;
		this.actions = actions;
	}

	@QueryMapping
	Mono<SourceDocument> source() {
		return this.pacte.findSource();
	}

	@QueryMapping
	Mono<NationalMeasures> nationalMeasures() {
		return this.pacte.findNationalMeasures();
	}

	@QueryMapping
	Mono<LocalPactFramework> localPactFramework() {
		return this.pacte.findLocalPactFramework();
	}

	@BatchMapping(typeName = "NationalPact", field = "axis")
	Mono<Map<NationalMeasures.Pact, Axis>> pactAxis(List<NationalMeasures.Pact> pacts) {
		Set<Integer> numbers = pacts.stream().map(NationalMeasures.Pact::axisNumber).filter(Objects::nonNull)
			.collect(Collectors.toSet());
		return this.actions.findAxes(numbers).collectMap(Axis::number).map(byNumber -> pacts.stream()
			.filter(pact -> pact.axisNumber() != null && byNumber.containsKey(pact.axisNumber()))
			.collect(Collectors.toMap(pact -> pact, pact -> byNumber.get(pact.axisNumber()))));
	}

}
