package fr.pactecarto.funding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import fr.pactecarto.action.CitedTerritories;
import fr.pactecarto.territory.Territory;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The contractualisation: funding lines with their partners, and each territory's lines. */
@Controller
class FundingController {

	private final FundingRepository funding;

	private final CitedTerritories cited;

	FundingController(FundingRepository funding, CitedTerritories cited) {
		this.funding = funding;
		this.cited = cited;
	}

	@QueryMapping
	Mono<Funding> funding() {
		return this.funding.find();
	}

	@BatchMapping(typeName = "FundingLine", field = "partners")
	Mono<Map<FundingLine, List<Territory>>> partners(List<FundingLine> lines) {
		return this.cited.territoriesOf(lines, FundingLine::partnerCodes);
	}

	@BatchMapping(typeName = "Territory", field = "fundingLines")
	Mono<Map<Territory, List<FundingLine>>> fundingLines(List<Territory> territories) {
		return this.cited.codesOf(territories.stream().map(Territory::key).toList()).flatMap(codesOf -> {
			Set<String> codes = codesOf.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
			Mono<List<FundingLine>> lines = codes.isEmpty() ? Mono.just(List.of())
					: this.funding.findLinesWithPartners(codes).collectList();
			return lines.map(found -> {
				Map<Territory, List<FundingLine>> byTerritory = new LinkedHashMap<>();
				territories.forEach(territory -> byTerritory.put(territory, found.stream()
					.filter(line -> line.partnerCodes().stream().anyMatch(codesOf.get(territory.key())::contains))
					.toList()));
				return byTerritory;
			});
		});
	}

}
