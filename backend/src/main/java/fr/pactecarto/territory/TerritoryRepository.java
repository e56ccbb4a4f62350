package fr.pactecarto.territory;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Reads territories over R2DBC. Other features look territories up through {@link #resolve} and {@link #findByKeys}. */
@Repository
public class TerritoryRepository {

	/** The columns of {@link Territory}, for {@code SELECT … FROM territory t}. */
	static final String COLUMNS = """
			t.kind, t.code, t.name, t.epci_nature, t.parent_kind, t.parent_code, t.population,
			t.west, t.south, t.east, t.north,
			ST_X(t.label_point) AS label_lon, ST_Y(t.label_point) AS label_lat,
			ARRAY(SELECT a.alias FROM territory_alias a WHERE a.kind = t.kind AND a.code = t.code ORDER BY a.alias) AS aliases
			""";

	// A plain code shared by two kinds (region 84 / department 84) means the department: the Pacte's codes
	// are department numbers.
	private static final String RESOLVE = """
			SELECT kind, code FROM (
			    SELECT a.kind, a.code, 0 AS rank FROM territory_alias a WHERE lower(a.alias) = lower(:code)
			    UNION ALL
			    SELECT t.kind, t.code,
			           CASE t.kind WHEN 'DEPARTMENT' THEN 1 WHEN 'COMMUNE' THEN 2 WHEN 'EPCI' THEN 3 ELSE 4 END
			    FROM territory t WHERE t.code = upper(:code)
			) candidates
			WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
			ORDER BY rank
			LIMIT 1
			""";

	private final DatabaseClient db;

	TerritoryRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The territory an official code or alias names ({@code "13"}, {@code "200054807"}, {@code "AMP"},
	 * {@code "vdm"}), optionally of one kind; errors with {@code UNKNOWN_TERRITORY} naming {@code argument}.
	 */
	public Mono<TerritoryKey> resolve(String codeOrAlias, TerritoryKind kind, String argument) {
		String code = (codeOrAlias != null) ? codeOrAlias.strip() : "";
		return this.db.sql(RESOLVE)
			.bind("code", code)
			.bind("kind", io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.VARCHAR, (kind != null) ? kind.name() : null))
			.map(row -> new TerritoryKey(TerritoryKind.valueOf(row.get("kind", String.class)), row.get("code", String.class)))
			.one()
			.switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.UNKNOWN_TERRITORY, argument,
					"No territory has the code or alias '" + code + "'" + ((kind != null) ? " among kind " + kind : "")
							+ " (argument '" + argument + "')")));
	}

	/** The territories with these keys that have been imported, in no particular order. */
	public Flux<Territory> findByKeys(Collection<TerritoryKey> keys) {
		if (keys.isEmpty()) {
			return Flux.empty();
		}
		String[] kinds = keys.stream().map(key -> key.kind().name()).toArray(String[]::new);
		String[] codes = keys.stream().map(TerritoryKey::code).toArray(String[]::new);
		return this.db.sql("SELECT " + COLUMNS + """
				FROM territory t
				JOIN unnest(CAST(:kinds AS text[]), CAST(:codes AS text[])) AS k(kind, code)
				  ON t.kind = k.kind AND t.code = k.code
				""")
			.bind("kinds", kinds)
			.bind("codes", codes)
			.map(TerritoryRepository::territory)
			.all();
	}

	static Territory territory(Readable row) {
		String parentKind = row.get("parent_kind", String.class);
		String[] aliases = row.get("aliases", String[].class);
		return new Territory(TerritoryKind.valueOf(row.get("kind", String.class)), row.get("code", String.class),
				row.get("name", String.class), row.get("epci_nature", String.class),
				(aliases != null) ? Arrays.asList(aliases) : List.of(),
				(parentKind != null) ? TerritoryKind.valueOf(parentKind) : null, row.get("parent_code", String.class),
				row.get("population", Integer.class),
				List.of(row.get("west", Double.class), row.get("south", Double.class), row.get("east", Double.class),
						row.get("north", Double.class)),
				new Point(row.get("label_lon", Double.class), row.get("label_lat", Double.class)));
	}

}
