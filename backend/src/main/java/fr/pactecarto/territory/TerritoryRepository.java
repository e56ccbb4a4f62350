package fr.pactecarto.territory;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import fr.pactecarto.api.GeoJson;
import fr.pactecarto.database.QueryDatabase;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads territories over R2DBC, each for one pacte (its aliases). Other features look territories up through
 * {@link #resolve} and {@link #findByKeys}, or read them in their own statements with {@link #columns}.
 */
@Repository
public class TerritoryRepository {

	/**
	 * The columns of {@link Territory}, for {@code SELECT … FROM territory t}, read for the pacte whose id is the
	 * SQL expression {@code scope} (a parameter such as {@code :scope}, or a column). They come first in the
	 * {@code SELECT} list: {@link #territory} reads them by position.
	 */
	public static String columns(String scope) {
		return columns(scope, true);
	}

	// Without aliases, the column `aliases` is null (no alias read): a sub-query per row, a third of the time of a
	// department's communes in PostgreSQL, for a field that lists rarely ask for.
	private static String columns(String scope, boolean aliases) {
		return """
				%1$s AS scope, t.kind, t.code, t.name, t.epci_nature, t.parent_kind, t.parent_code, t.population,
				t.west, t.south, t.east, t.north,
				ST_X(t.label_point) AS label_lon, ST_Y(t.label_point) AS label_lat,
				%2$s AS aliases
				""".formatted(scope, aliases ? """
				ARRAY(SELECT a.alias FROM pacte_alias a
				      WHERE a.pacte_id = %1$s AND a.kind = t.kind AND a.code = t.code ORDER BY a.alias)""".formatted(scope)
						: "CAST(NULL AS text[])");
	}

	private static final String COLUMNS = columns("CAST(:scope AS text)");

	private static final String COLUMNS_WITHOUT_ALIASES = columns("CAST(:scope AS text)", false);

	// The territories a code or alias may name in a pacte, best first. A plain code shared by two kinds (region
	// 84 / department 84) means the department: the Pacte's codes are department numbers. Same order as
	// pacte_resolve() (migration V5), which resolves the codes the pactes cite.
	private static String candidates(String scope, String code) {
		return """
				SELECT a.kind, a.code, 0 AS rank FROM pacte_alias a
				WHERE a.pacte_id = %1$s AND lower(a.alias) = lower(%2$s)
				UNION ALL
				SELECT t.kind, t.code,
				       CASE t.kind WHEN 'DEPARTMENT' THEN 1 WHEN 'COMMUNE' THEN 2 WHEN 'EPCI' THEN 3 ELSE 4 END
				FROM territory t WHERE t.code = upper(%2$s)
				""".formatted(scope, code);
	}

	// Several look-ups (pacte, code or alias, kind or null) at once, each resolved as pacte_resolve() does.
	private static final String LOOK_UP = """
			SELECT %s, k.n
			FROM unnest(CAST(:scopes AS text[]), CAST(:codes AS text[]), CAST(:kinds AS text[]))
			     WITH ORDINALITY AS k(scope, input, wanted_kind, n)
			CROSS JOIN LATERAL (
			    SELECT c.kind, c.code FROM (%s) c
			    WHERE (k.wanted_kind IS NULL OR c.kind = k.wanted_kind)
			      AND EXISTS (SELECT 1 FROM territory e WHERE e.kind = c.kind AND e.code = c.code)
			    ORDER BY c.rank LIMIT 1
			) r
			JOIN territory t ON t.kind = r.kind AND t.code = r.code
			""".formatted(columns("k.scope"), candidates("k.scope", "k.input"));

	// Each code or alias of :codes resolved as resolve() does, among the kinds :kinds.
	private static final String WANTED = """
			SELECT DISTINCT ON (w.input) w.input, c.kind, c.code
			FROM unnest(CAST(:codes AS text[])) AS w(input)
			CROSS JOIN LATERAL (%s) c
			JOIN territory t ON t.kind = c.kind AND t.code = c.code
			WHERE CAST(:kinds AS text[]) IS NULL OR c.kind = ANY(CAST(:kinds AS text[]))
			ORDER BY w.input, c.rank
			""".formatted(candidates("CAST(:scope AS text)", "w.input"));

	// The outlines stored for one zoom band, as their UTF-8 bytes (see GeoJson): convert_to only checks that the
	// text is valid UTF-8, which it is, and hands it over as bytea.
	private static final String OUTLINES = """
			SELECT o.kind, o.code, convert_to(o.geojson, 'UTF8') AS geojson
			FROM territory_outline o
			JOIN unnest(CAST(:kinds AS text[]), CAST(:codes AS text[])) AS k(kind, code)
			  ON o.kind = k.kind AND o.code = k.code
			WHERE o.max_zoom = :band
			""";

	private static final String ORDER = """
			ORDER BY CASE t.kind WHEN 'REGION' THEN 1 WHEN 'DEPARTMENT' THEN 2 WHEN 'EPCI' THEN 3 ELSE 4 END, t.code
			""";

	private final DatabaseClient db;

	TerritoryRepository(QueryDatabase reads) {
		this.db = reads.client();
	}

	/**
	 * The territory an official code or an alias of the pacte {@code scope} names ({@code "13"},
	 * {@code "200054807"}, {@code "AMP"}, {@code "vdm"}), as the pacte's cited codes are resolved
	 * ({@code pacte_resolve}, migration V5); empty when none does.
	 */
	public Mono<TerritoryKey> resolve(String scope, String codeOrAlias) {
		return this.db.sql("SELECT kind, code FROM pacte_resolve(:scope, :code)")
			.bind("scope", scope)
			.bind("code", (codeOrAlias != null) ? codeOrAlias.strip() : "")
			.map(TerritoryRepository::key)
			.one();
	}

	/**
	 * The territories these look-ups name, each resolved as {@link #resolve} does, in one statement; look-ups
	 * naming no territory are left out.
	 */
	Mono<Map<TerritoryLookup, Territory>> lookUp(List<TerritoryLookup> lookups) {
		return this.db.sql(LOOK_UP)
			.bind("scopes", lookups.stream().map(TerritoryLookup::pacte).toArray(String[]::new))
			.bind("codes", lookups.stream().map(TerritoryLookup::code).toArray(String[]::new))
			.bind("kinds", lookups.stream().map(l -> (l.kind() != null) ? l.kind().name() : null).toArray(String[]::new))
			.map(row -> Map.entry(lookups.get(row.get("n", Long.class).intValue() - 1), territory(row)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** The territories with these keys that have been imported, read for the pacte {@code scope}, in no particular order. */
	public Flux<Territory> findByKeys(String scope, Collection<TerritoryKey> keys) {
		if (keys.isEmpty()) {
			return Flux.empty();
		}
		return this.db.sql("SELECT " + COLUMNS + """
				FROM territory t
				JOIN unnest(CAST(:kinds AS text[]), CAST(:codes AS text[])) AS k(kind, code)
				  ON t.kind = k.kind AND t.code = k.code
				""")
			.bind("scope", scope)
			.bind("kinds", kinds(keys))
			.bind("codes", codes(keys))
			.map(TerritoryRepository::territory)
			.all();
	}

	/**
	 * For each source (an action, a funding line…) of a batch, the territories with the keys it names, in that
	 * order, read for the source's pacte: one statement per pacte in the batch.
	 */
	public <S> Mono<Map<S, List<Territory>>> findForEach(List<S> sources, Function<S, String> pacte,
			Function<S, List<TerritoryKey>> keys) {
		Map<String, Set<TerritoryKey>> wanted = new HashMap<>();
		sources.forEach(source -> wanted.computeIfAbsent(pacte.apply(source), scope -> new HashSet<>()).addAll(keys.apply(source)));
		return Flux.fromIterable(wanted.entrySet())
			.flatMap(entry -> findByKeys(entry.getKey(), entry.getValue()))
			.collectMap(territory -> List.of(territory.pacte(), territory.key()))
			.map(found -> {
				Map<S, List<Territory>> bySource = new LinkedHashMap<>();
				sources.forEach(source -> bySource.put(source, keys.apply(source).stream()
					.map(key -> found.get(List.of(pacte.apply(source), key)))
					.filter(Objects::nonNull)
					.toList()));
				return bySource;
			});
	}

	/**
	 * The territories matching all the given criteria (each may be null): kinds, codes or aliases (resolved
	 * as {@link #resolve} does), direct children of a parent, outline intersecting a box; regions first, then
	 * departments, EPCI and communes, by code. Without {@code aliases}, with none (for answers that do not list them).
	 */
	Flux<Territory> find(String scope, List<TerritoryKind> kinds, List<String> codes, TerritoryKey parent, Bbox bbox,
			boolean aliases) {
		StringBuilder sql = new StringBuilder();
		if (codes != null) {
			sql.append("WITH wanted AS (").append(WANTED).append(")\n");
		}
		sql.append("SELECT ").append(aliases ? COLUMNS : COLUMNS_WITHOUT_ALIASES);
		sql.append("FROM territory t WHERE true\n");
		if (kinds != null) {
			sql.append("AND t.kind = ANY(CAST(:kinds AS text[]))\n");
		}
		if (codes != null) {
			sql.append("AND (t.kind, t.code) IN (SELECT kind, code FROM wanted)\n");
		}
		if (parent != null) {
			sql.append("AND t.parent_kind = :parentKind AND t.parent_code = :parentCode\n");
		}
		if (bbox != null) {
			// On the whole outlines, found by their index (V12). A territory whose bounding box (the stored west…north,
			// exact) lies inside the box intersects it: PostGIS's exact test, about 1 µs a commune through GEOS, runs
			// only for the few that cross the box's edge (the Pas-de-Calais' 1,438 communes: 2.4 -> 0.9 ms, warm).
			sql.append("""
					AND t.geom && ST_MakeEnvelope(:west, :south, :east, :north, 4326)
					AND ((t.west >= :west AND t.east <= :east AND t.south >= :south AND t.north <= :north)
					     OR ST_Intersects(t.geom, ST_MakeEnvelope(:west, :south, :east, :north, 4326)))
					""");
		}
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(sql.append(ORDER).toString()).bind("scope", scope);
		if (codes != null || kinds != null) {
			spec = spec.bind("kinds", Parameters.in(R2dbcType.VARCHAR,
					(kinds != null) ? kinds.stream().map(Enum::name).toArray(String[]::new) : null));
		}
		if (codes != null) {
			spec = spec.bind("codes", codes.stream().map(String::strip).toArray(String[]::new));
		}
		if (parent != null) {
			spec = spec.bind("parentKind", parent.kind().name()).bind("parentCode", parent.code());
		}
		if (bbox != null) {
			spec = spec.bind("west", bbox.west()).bind("south", bbox.south()).bind("east", bbox.east()).bind("north", bbox.north());
		}
		return detached(spec.map(TerritoryRepository::territory).all());
	}

	/** The codes or aliases among these that name no territory of these kinds (null: any kind) in the pacte {@code scope}. */
	Flux<String> unknown(String scope, List<String> codes, List<TerritoryKind> kinds) {
		return this.db.sql("""
				SELECT w.input FROM unnest(CAST(:codes AS text[])) AS w(input)
				WHERE w.input NOT IN (SELECT input FROM (%s) wanted)
				ORDER BY w.input
				""".formatted(WANTED))
			.bind("scope", scope)
			.bind("codes", codes.stream().map(String::strip).toArray(String[]::new))
			.bind("kinds", Parameters.in(R2dbcType.VARCHAR,
					(kinds != null) ? kinds.stream().map(Enum::name).toArray(String[]::new) : null))
			.map(row -> row.get("input", String.class))
			.all();
	}

	/**
	 * Every territory whose outline contains the point, smallest first; tested on the outline's pieces (V9). Without
	 * {@code aliases}, with none (for answers that do not list them).
	 */
	Flux<Territory> findAt(String scope, double lon, double lat, boolean aliases) {
		return this.db.sql("SELECT " + (aliases ? COLUMNS : COLUMNS_WITHOUT_ALIASES) + """
				FROM territory t
				WHERE (t.kind, t.code) IN (
				    SELECT p.kind, p.code FROM territory_piece p
				    WHERE ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)))
				ORDER BY t.area, t.code
				""")
			.bind("scope", scope)
			.bind("lon", lon)
			.bind("lat", lat)
			.map(TerritoryRepository::territory)
			.all();
	}

	/** The direct children of these territories, by code. */
	Flux<Territory> findChildren(String scope, Collection<TerritoryKey> parents) {
		return this.db.sql("SELECT " + COLUMNS + """
				FROM territory t
				JOIN unnest(CAST(:kinds AS text[]), CAST(:codes AS text[])) AS k(kind, code)
				  ON t.parent_kind = k.kind AND t.parent_code = k.code
				""" + ORDER)
			.bind("scope", scope)
			.bind("kinds", kinds(parents))
			.bind("codes", codes(parents))
			.map(TerritoryRepository::territory)
			.all();
	}

	/** The outlines of these territories stored at import for the zoom band {@code band}. */
	Mono<Map<TerritoryKey, GeoJson>> findOutlines(Collection<TerritoryKey> keys, int band) {
		return outlines(this.db.sql(OUTLINES).bind("band", band), keys);
	}

	// The rows of a read that may return thousands, read without the request's Reactor context, which they do not
	// need (no transaction, no security: reads of public data): with one, Reactor restores the request's
	// thread-locals around each row the driver hands over, 6 % of the service's CPU for departments' boxes.
	private static <T> Flux<T> detached(Flux<T> rows) {
		return rows.contextWrite(context -> Context.empty());
	}

	/** The full outlines of these territories (as imported, not simplified). */
	Mono<Map<TerritoryKey, GeoJson>> findFullOutlines(Collection<TerritoryKey> keys) {
		return outlines(this.db.sql("""
				SELECT t.kind, t.code, convert_to(ST_AsGeoJSON(t.geom), 'UTF8') AS geojson
				FROM territory t
				JOIN unnest(CAST(:kinds AS text[]), CAST(:codes AS text[])) AS k(kind, code)
				  ON t.kind = k.kind AND t.code = k.code
				"""), keys);
	}

	// The column `geojson` (UTF-8 bytes) of a statement over `unnest(:kinds, :codes)`, by territory.
	private static Mono<Map<TerritoryKey, GeoJson>> outlines(DatabaseClient.GenericExecuteSpec statement,
			Collection<TerritoryKey> keys) {
		return detached(statement.bind("kinds", kinds(keys))
			.bind("codes", codes(keys))
			.map(row -> Map.entry(key(row), new GeoJson(row.get("geojson", byte[].class))))
			.all()).collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** The kinds of these keys, for {@code unnest(CAST(:kinds AS text[]), CAST(:codes AS text[]))}. */
	public static String[] kinds(Collection<TerritoryKey> keys) {
		return keys.stream().map(key -> key.kind().name()).toArray(String[]::new);
	}

	/** The codes of these keys, in the same order as {@link #kinds}. */
	public static String[] codes(Collection<TerritoryKey> keys) {
		return keys.stream().map(TerritoryKey::code).toArray(String[]::new);
	}

	/** The key in the columns {@code kind} and {@code code} of a row. */
	public static TerritoryKey key(Readable row) {
		return new TerritoryKey(TerritoryKind.valueOf(row.get("kind", String.class)), row.get("code", String.class));
	}

	/** A territory from the {@link #columns} of a row. */
	public static Territory territory(Readable row) {
		// By position, as columns() lists them: by name, each read looked the column up in a map (15 per row, 7 % of
		// the service's CPU for departments' boxes of 300 to 1,400 communes).
		String parentKind = row.get(5, String.class);
		String[] aliases = row.get(14, String[].class);
		return new Territory(row.get(0, String.class), TerritoryKind.valueOf(row.get(1, String.class)), row.get(2, String.class),
				row.get(3, String.class), row.get(4, String.class), (aliases != null) ? Arrays.asList(aliases) : List.of(),
				(parentKind != null) ? TerritoryKind.valueOf(parentKind) : null, row.get(6, String.class),
				row.get(7, Integer.class),
				List.of(row.get(8, Double.class), row.get(9, Double.class), row.get(10, Double.class), row.get(11, Double.class)),
				new Point(row.get(12, Double.class), row.get(13, Double.class)));
	}

}
