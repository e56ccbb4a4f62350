package fr.pactecarto.pacte;

import java.util.List;
import java.util.Map;

import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.Batches;
import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.territory.Territory;
import fr.pactecarto.territory.TerritoryKey;
import fr.pactecarto.territory.TerritoryKind;
import fr.pactecarto.territory.TerritoryRepository;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The pactes loaded in the service, their source document, region and map layers. */
@Controller
class PacteController {

	private final PacteRepository repository;

	private final Pactes pactes;

	private final TerritoryRepository territories;

	PacteController(PacteRepository repository, Pactes pactes, TerritoryRepository territories) {
		this.repository = repository;
		this.pactes = pactes;
		this.territories = territories;
	}

	@QueryMapping
	Flux<Pacte> pactes() {
		return this.repository.findAll();
	}

	@QueryMapping
	Mono<Pacte> pacte(@Argument String id, @Argument String region, @Argument Integer year,
			DataLoader<String, Pacte> loader) {
		if (id != null && (region != null || year != null)) {
			throw ApiException.invalid("id", "Give either 'id' or 'region' (and 'year'), not both");
		}
		if (region == null && year == null) {
			return this.pactes.named(id, loader);
		}
		if (region == null) {
			throw ApiException.invalid("region", "Argument 'year' needs 'region' (the INSEE code of the region, e.g. '93')");
		}
		return this.repository.findByRegion(region.strip(), year).next()
			.switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.UNKNOWN_PACTE, (year != null) ? "year" : "region",
					"No pacte for region '" + region.strip() + "'" + ((year != null) ? " and year " + year : "")
							+ "; the query 'pactes' lists them")));
	}

	@QueryMapping
	Mono<SourceDocument> source(@Argument String pacte, DataLoader<String, Pacte> loader) {
		return this.pactes.named(pacte, loader).map(Pacte::source);
	}

	@SchemaMapping
	boolean isDefault(Pacte pacte) {
		return pacte.id().equals(this.pactes.defaultId());
	}

	@BatchMapping(typeName = "Pacte", field = "region")
	Mono<Map<Pacte, Territory>> region(List<Pacte> pactes) {
		return Flux.fromIterable(pactes)
			.flatMap(pacte -> this.territories
				.findByKeys(pacte.id(), List.of(new TerritoryKey(TerritoryKind.REGION, pacte.regionCode())))
				.map(region -> Map.entry(pacte, region)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	@BatchMapping(typeName = "Pacte", field = "mapLayers")
	Mono<Map<Pacte, List<MapLayer>>> mapLayers(List<Pacte> pactes) {
		return Batches.grouped(pactes, Pacte::id, this.repository::findMapLayers, MapLayer::pacte);
	}

	@BatchMapping(typeName = "MapLayer", field = "territories")
	Mono<Map<MapLayer, List<Territory>>> layerTerritories(List<MapLayer> layers) {
		return this.repository.findLayerTerritories(layers)
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map(found -> Batches.listsFor(layers, found::get));
	}

}
