package fr.pactecarto.funding;

import java.util.Arrays;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Reads the contractualisation (tables {@code pacte_funding*}, migration V4). */
@Repository
class FundingRepository {

	private final DatabaseClient db;

	FundingRepository(DatabaseClient db) {
		this.db = db;
	}

	/** The contractualisation with its lines. */
	Mono<Funding> find() {
		return this.db.sql("SELECT currency, note FROM pacte_funding")
			.map(row -> new String[] { row.get("currency", String.class), row.get("note", String.class) })
			.one()
			.zipWith(findLines().collectList(), (header, lines) -> Funding.of(lines, header[0], header[1]));
	}

	Flux<FundingLine> findLines() {
		return this.db.sql("SELECT * FROM pacte_funding_line ORDER BY position").map(FundingRepository::line).all();
	}

	/** The lines naming any of these codes among their partners, in the document's order. */
	Flux<FundingLine> findLinesWithPartners(Collection<String> codes) {
		return this.db.sql("""
				SELECT * FROM pacte_funding_line WHERE partner_codes && CAST(:codes AS text[]) ORDER BY position
				""")
			.bind("codes", codes.toArray(String[]::new))
			.map(FundingRepository::line)
			.all();
	}

	private static FundingLine line(Readable row) {
		return new FundingLine(row.get("id", String.class), row.get("instrument", String.class),
				row.get("label", String.class), row.get("partner_kind", String.class),
				row.get("contract_count", Integer.class), Math.toIntExact(row.get("amount", Long.class)),
				Arrays.asList(row.get("partner_codes", String[].class)), row.get("note", String.class));
	}

}
