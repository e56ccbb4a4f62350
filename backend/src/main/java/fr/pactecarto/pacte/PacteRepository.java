package fr.pactecarto.pacte;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;

import fr.pactecarto.database.QueryDatabase;
import fr.pactecarto.territory.Territory;
import fr.pactecarto.territory.TerritoryKind;
import fr.pactecarto.territory.TerritoryRepository;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Reads the pactes (table {@code pacte}, migration V5) and their map layers. */
@Repository
class PacteRepository {

	private static final String COLUMNS = """
			SELECT id, region_code, year, title, source_title, source_body, to_char(source_date, 'YYYY-MM-DD') AS source_date
			FROM pacte
			""";

	private final DatabaseClient db;

	PacteRepository(QueryDatabase reads) {
		this.db = reads.client();
	}

	Flux<Pacte> findAll() {
		return this.db.sql(COLUMNS + "ORDER BY region_code, year").map(PacteRepository::pacte).all();
	}

	Flux<Pacte> findByIds(Collection<String> ids) {
		return this.db.sql(COLUMNS + "WHERE id = ANY(CAST(:ids AS text[]))")
			.bind("ids", ids.toArray(String[]::new))
			.map(PacteRepository::pacte)
			.all();
	}

	/** The pacte of this region and year; with no year, the region's latest. */
	Flux<Pacte> findByRegion(String regionCode, Integer year) {
		return this.db.sql(COLUMNS + """
				WHERE region_code = :region AND (CAST(:year AS integer) IS NULL OR year = :year)
				ORDER BY year DESC LIMIT 1
				""")
			.bind("region", regionCode)
			.bind("year", Parameters.in(R2dbcType.INTEGER, year))
			.map(PacteRepository::pacte)
			.all();
	}

	/** The map layers of these pactes, bottom first. */
	Flux<MapLayer> findMapLayers(Collection<String> pacteIds) {
		return this.db.sql("""
				SELECT pacte_id, key, position, label, item_label, kind, codes FROM pacte_map_layer
				WHERE pacte_id = ANY(CAST(:ids AS text[])) ORDER BY pacte_id, position
				""")
			.bind("ids", pacteIds.toArray(String[]::new))
			.map(row -> new MapLayer(row.get("pacte_id", String.class), row.get("key", String.class),
					row.get("position", Integer.class), row.get("label", String.class),
					row.get("item_label", String.class),
					(row.get("kind", String.class) != null) ? TerritoryKind.valueOf(row.get("kind", String.class)) : null,
					List.of(row.get("codes", String[].class))))
			.all();
	}

	/**
	 * The imported territories of these layers, as (layer, territory) pairs by code: every territory of the
	 * layer's kind in the pacte's region, and those its codes name (resolved as the pacte's cited codes are).
	 */
	Flux<Map.Entry<MapLayer, Territory>> findLayerTerritories(Collection<MapLayer> layers) {
		Map<List<String>, MapLayer> byKey = new HashMap<>();
		layers.forEach(layer -> byKey.put(List.of(layer.pacte(), layer.key()), layer));
		return this.db.sql("""
				WITH layer AS (
				    SELECT l.pacte_id, l.key, l.kind, l.codes, p.region_code
				    FROM unnest(CAST(:pactes AS text[]), CAST(:keys AS text[])) AS k(pacte_id, key)
				    JOIN pacte_map_layer l ON l.pacte_id = k.pacte_id AND l.key = k.key
				    JOIN pacte p ON p.id = l.pacte_id
				), member AS (
				    SELECT l.pacte_id, l.key, t.kind, t.code FROM layer l
				    JOIN territory t ON t.kind = l.kind
				     AND (t.region_code = l.region_code OR (t.kind = 'REGION' AND t.code = l.region_code))
				    UNION
				    SELECT l.pacte_id, l.key, c.kind, c.code FROM layer l
				    JOIN pacte_cited_territory c ON c.pacte_id = l.pacte_id AND c.cited = ANY(l.codes)
				)
				SELECT %s, m.key AS layer_key
				FROM member m JOIN territory t ON t.kind = m.kind AND t.code = m.code
				ORDER BY m.pacte_id, m.key, t.code
				""".formatted(TerritoryRepository.columns("m.pacte_id")))
			.bind("pactes", layers.stream().map(MapLayer::pacte).toArray(String[]::new))
			.bind("keys", layers.stream().map(MapLayer::key).toArray(String[]::new))
			.map(row -> Map.entry(byKey.get(List.of(row.get("scope", String.class), row.get("layer_key", String.class))),
					TerritoryRepository.territory(row)))
			.all();
	}

	private static Pacte pacte(Readable row) {
		return new Pacte(row.get("id", String.class), row.get("region_code", String.class),
				row.get("year", Integer.class), row.get("title", String.class),
				new SourceDocument(row.get("source_title", String.class), row.get("source_body", String.class),
						row.get("source_date", String.class)));
	}

}
