package fr.pactecarto.pacte;

import java.util.Arrays;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Reads the source document, the national measures and the Pactes locaux framework (migration V4). */
@Repository
class PacteRepository {

	private final DatabaseClient db;

	PacteRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<SourceDocument> findSource() {
		return this.db.sql("SELECT title, body, to_char(date, 'YYYY-MM-DD') AS date FROM pacte_source")
			.map(row -> new SourceDocument(row.get("title", String.class), row.get("body", String.class),
					row.get("date", String.class)))
			.one();
	}

	Mono<NationalMeasures> findNationalMeasures() {
		Mono<List<NationalMeasures.Pact>> pacts = this.db.sql("""
				SELECT p.position, p.title, p.axis_number, p.reforms,
				       coalesce(array_agg(m.name ORDER BY m.position) FILTER (WHERE m.name IS NOT NULL), '{}') AS names,
				       coalesce(array_agg(m.note ORDER BY m.position) FILTER (WHERE m.name IS NOT NULL), '{}') AS notes
				FROM pacte_national_pact p
				LEFT JOIN pacte_national_measure m ON m.pact_position = p.position
				GROUP BY p.position
				ORDER BY p.position
				""")
			.map(row -> {
				String[] names = row.get("names", String[].class);
				String[] notes = row.get("notes", String[].class);
				List<NationalMeasures.Measure> measures = new java.util.ArrayList<>();
				for (int i = 0; i < names.length; i++) {
					measures.add(new NationalMeasures.Measure(names[i], notes[i]));
				}
				return new NationalMeasures.Pact(row.get("position", Integer.class), row.get("title", String.class),
						row.get("axis_number", Integer.class), Arrays.asList(row.get("reforms", String[].class)),
						List.copyOf(measures));
			})
			.all()
			.collectList();
		return this.db.sql("SELECT announced_count, note FROM pacte_national_measures")
			.map(row -> new NationalMeasures(row.get("announced_count", Integer.class), List.of(),
					row.get("note", String.class)))
			.one()
			.zipWith(pacts, (header, found) -> new NationalMeasures(header.announcedCount(), found, header.note()));
	}

	Mono<LocalPactFramework> findLocalPactFramework() {
		Mono<List<LocalPactFramework.Section>> sections = this.db
			.sql("SELECT key, title, text, items FROM pacte_local_pact_section ORDER BY position")
			.map(row -> new LocalPactFramework.Section(row.get("key", String.class), row.get("title", String.class),
					row.get("text", String.class), Arrays.asList(row.get("items", String[].class))))
			.all()
			.collectList();
		return this.db.sql("SELECT title, reference, regional_credits FROM pacte_local_pact_framework")
			.map(row -> new LocalPactFramework(row.get("title", String.class), row.get("reference", String.class),
					Math.toIntExact(row.get("regional_credits", Long.class)), List.of()))
			.one()
			.zipWith(sections, (header, found) -> new LocalPactFramework(header.title(), header.reference(),
					header.regionalCredits(), found));
	}

}
