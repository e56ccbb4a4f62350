package fr.pactecarto.pacte;

import java.util.List;
import java.util.Map;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.Batches;
import fr.pactecarto.pacte.action.Axis;
import fr.pactecarto.pacte.action.AxisRepository;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A pacte's national measures and its Pactes locaux framework. */
@Controller
class MeasuresController {

	private final MeasuresRepository measures;

	private final AxisRepository axes;

	private final Pactes pactes;

	MeasuresController(MeasuresRepository measures, AxisRepository axes, Pactes pactes) {
		this.measures = measures;
		this.axes = axes;
		this.pactes = pactes;
	}

	@QueryMapping
	Mono<NationalMeasures> nationalMeasures(@Argument String pacte, DataLoader<String, Pacte> loader) {
		return this.pactes.named(pacte, loader).flatMap(found -> nationalMeasures(found));
	}

	@SchemaMapping(typeName = "Pacte")
	Mono<NationalMeasures> nationalMeasures(Pacte pacte) {
		return this.measures.findNationalMeasures(pacte.id());
	}

	@QueryMapping
	Mono<LocalPactFramework> localPactFramework(@Argument String pacte, DataLoader<String, Pacte> loader) {
		return this.pactes.named(pacte, loader).flatMap(found -> localPactFramework(found));
	}

	@SchemaMapping(typeName = "Pacte")
	Mono<LocalPactFramework> localPactFramework(Pacte pacte) {
		return this.measures.findLocalPactFramework(pacte.id());
	}

	@BatchMapping(typeName = "NationalPact", field = "axis")
	Mono<Map<NationalMeasures.Pact, Axis>> pactAxis(List<NationalMeasures.Pact> pacts) {
		return Batches.single(pacts, pact -> (pact.axisNumber() != null) ? new Axis.Key(pact.pacte(), pact.axisNumber()) : null,
				this.axes::findAxes, Axis::key);
	}

}
