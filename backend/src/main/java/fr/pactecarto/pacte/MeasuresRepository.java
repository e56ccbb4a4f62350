package fr.pactecarto.pacte;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import reactor.core.publisher.Mono;

import fr.pactecarto.database.QueryDatabase;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Reads a pacte's national measures and its Pactes locaux framework (migration V5). */
@Repository
class MeasuresRepository {

	private final DatabaseClient db;

	MeasuresRepository(QueryDatabase reads) {
		this.db = reads.client();
	}

	Mono<NationalMeasures> findNationalMeasures(String pacte) {
		Mono<List<NationalMeasures.Pact>> pacts = this.db.sql("""
				SELECT p.position, p.title, p.axis_number, p.reforms,
				       coalesce(array_agg(m.name ORDER BY m.position) FILTER (WHERE m.name IS NOT NULL), '{}') AS names,
				       coalesce(array_agg(m.note ORDER BY m.position) FILTER (WHERE m.name IS NOT NULL), '{}') AS notes
				FROM pacte_national_pact p
				LEFT JOIN pacte_national_measure m ON m.pacte_id = p.pacte_id AND m.pact_position = p.position
				WHERE p.pacte_id = :pacte
				GROUP BY p.pacte_id, p.position
				ORDER BY p.position
				""")
			.bind("pacte", pacte)
			.map(row -> {
				String[] names = row.get("names", String[].class);
				String[] notes = row.get("notes", String[].class);
				List<NationalMeasures.Measure> measures = new ArrayList<>();
				for (int i = 0; i < names.length; i++) {
					measures.add(new NationalMeasures.Measure(names[i], notes[i]));
				}
				return new NationalMeasures.Pact(pacte, row.get("position", Integer.class), row.get("title", String.class),
						row.get("axis_number", Integer.class), Arrays.asList(row.get("reforms", String[].class)),
						List.copyOf(measures));
			})
			.all()
			.collectList();
		return this.db.sql("SELECT national_announced_count, national_note FROM pacte WHERE id = :pacte")
			.bind("pacte", pacte)
			.map(row -> new NationalMeasures(row.get("national_announced_count", Integer.class), List.of(),
					row.get("national_note", String.class)))
			.one()
			.zipWith(pacts, (header, found) -> new NationalMeasures(header.announcedCount(), found, header.note()));
	}

	Mono<LocalPactFramework> findLocalPactFramework(String pacte) {
		Mono<List<LocalPactFramework.Section>> sections = this.db
			.sql("SELECT key, title, text, items FROM pacte_local_pact_section WHERE pacte_id = :pacte ORDER BY position")
			.bind("pacte", pacte)
			.map(row -> new LocalPactFramework.Section(row.get("key", String.class), row.get("title", String.class),
					row.get("text", String.class), Arrays.asList(row.get("items", String[].class))))
			.all()
			.collectList();
		return this.db.sql("SELECT local_title, local_reference, local_regional_credits FROM pacte WHERE id = :pacte")
			.bind("pacte", pacte)
			.map(row -> new LocalPactFramework(row.get("local_title", String.class),
					row.get("local_reference", String.class),
					Math.toIntExact(row.get("local_regional_credits", Long.class)), List.of()))
			.one()
			.zipWith(sections, (header, found) -> new LocalPactFramework(header.title(), header.reference(),
					header.regionalCredits(), found));
	}

}
