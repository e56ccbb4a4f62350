package fr.pactecarto.pacte.funding;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.Batches;
import fr.pactecarto.pacte.Pacte;
import fr.pactecarto.pacte.Pactes;
import fr.pactecarto.territory.Territory;
import fr.pactecarto.territory.TerritoryRepository;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The contractualisation: funding lines with their partners, and each territory's lines. */
@Controller
class FundingController {

	private final FundingRepository funding;

	private final TerritoryRepository territories;

	private final Pactes pactes;

	FundingController(FundingRepository funding, TerritoryRepository territories, Pactes pactes) {
		this.funding = funding;
		this.territories = territories;
		this.pactes = pactes;
	}

	@QueryMapping
	Mono<Funding> funding(@Argument String pacte, DataLoader<String, Pacte> loader) {
		return this.pactes.named(pacte, loader).flatMap(this::funding);
	}

	@SchemaMapping(typeName = "Pacte")
	Mono<Funding> funding(Pacte pacte) {
		return this.funding.find(pacte.id());
	}

	@BatchMapping(typeName = "FundingLine", field = "partners")
	Mono<Map<FundingLine, List<Territory>>> partners(List<FundingLine> lines) {
		return this.territories.findForEach(lines, FundingLine::pacte, FundingLine::partners);
	}

	@BatchMapping(typeName = "Territory", field = "fundingLines")
	Mono<Map<Territory, List<FundingLine>>> fundingLines(List<Territory> territories) {
		Set<String> pactes = territories.stream().map(Territory::pacte).collect(Collectors.toSet());
		return Flux.fromIterable(pactes)
			.flatMap(this.funding::findLines)
			.collectList()
			.map(lines -> Batches.listsFor(territories, territory -> lines.stream()
				.filter(line -> line.pacte().equals(territory.pacte()) && line.partners().contains(territory.key()))
				.toList()));
	}

}
