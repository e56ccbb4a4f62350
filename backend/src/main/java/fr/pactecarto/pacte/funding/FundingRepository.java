package fr.pactecarto.pacte.funding;

import java.util.Arrays;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.database.QueryDatabase;
import fr.pactecarto.pacte.NamedTerritories;
import fr.pactecarto.territory.TerritoryKey;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Reads a pacte's contractualisation (table {@code pacte_funding_line} and the pacte's funding columns). */
@Repository
class FundingRepository {

	// Each line with the territories its partner codes name (pacte_resolve, migration V5), in the order cited.
	private static final String LINES = """
			SELECT l.*, named.kinds AS partner_kinds, named.codes AS partner_territory_codes
			FROM pacte_funding_line l
			""" + NamedTerritories.lateral("l.pacte_id", "l.partner_codes") + """
			WHERE l.pacte_id = :pacte
			ORDER BY l.position
			""";

	private final DatabaseClient db;

	FundingRepository(QueryDatabase reads) {
		this.db = reads.client();
	}

	/** The pacte's contractualisation with its lines. */
	Mono<Funding> find(String pacte) {
		return this.db.sql("SELECT funding_currency, funding_note FROM pacte WHERE id = :pacte")
			.bind("pacte", pacte)
			.map(row -> new String[] { row.get("funding_currency", String.class), row.get("funding_note", String.class) })
			.one()
			.zipWith(findLines(pacte).collectList(), (header, lines) -> Funding.of(lines, header[0], header[1]));
	}

	/** The pacte's lines in the document's order. */
	Flux<FundingLine> findLines(String pacte) {
		return this.db.sql(LINES).bind("pacte", pacte).map(FundingRepository::line).all();
	}

	private static FundingLine line(Readable row) {
		List<TerritoryKey> partners = NamedTerritories.of(row, "partner_kinds", "partner_territory_codes");
		return new FundingLine(row.get("pacte_id", String.class), row.get("id", String.class),
				row.get("instrument", String.class), row.get("label", String.class), row.get("partner_kind", String.class),
				row.get("contract_count", Integer.class), Math.toIntExact(row.get("amount", Long.class)),
				Arrays.asList(row.get("partner_codes", String[].class)), partners, row.get("note", String.class));
	}

}
