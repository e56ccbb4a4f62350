package fr.pactecarto.api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How many territories of each kind are imported, for the expected size of a {@code territories} list (a
 * filter on kinds without codes can mean 35,000 communes with France imported, 946 with PACA). Read at start and
 * every 10 s (a count of a few thousand rows), never while a request is measured; until it is known — or while the database is away — the
 * counts of all of France hold. Read over JDBC, beside the requests' R2DBC pool.
 */
@Component
class TerritoryCounts implements DisposableBean {

	private static final Duration REFRESH = Duration.ofSeconds(10);

	private final DataSource dataSource;

	private volatile Map<String, Long> perKind = CostModel.TERRITORIES_PER_KIND;

	private Disposable refresh;

	TerritoryCounts(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	Map<String, Long> perKind() {
		return this.perKind;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.refresh = Flux.interval(Duration.ZERO, REFRESH)
			.concatMap(tick -> Mono.fromCallable(this::count)
				.subscribeOn(Schedulers.boundedElastic())
				.timeout(Duration.ofSeconds(5))
				.onErrorResume(ex -> Mono.empty()))
			.subscribe(counts -> {
				// An empty table (before the first import) counts as France: the import is on its way.
				this.perKind = counts.isEmpty() ? CostModel.TERRITORIES_PER_KIND : Map.copyOf(counts);
			});
	}

	private Map<String, Long> count() throws Exception {
		Map<String, Long> counts = new HashMap<>();
		try (Connection connection = this.dataSource.getConnection();
				ResultSet rows = connection.createStatement().executeQuery("SELECT kind, count(*) FROM territory GROUP BY kind")) {
			while (rows.next()) {
				counts.put(rows.getString(1), rows.getLong(2));
			}
		}
		return counts;
	}

	@Override
	public void destroy() {
		if (this.refresh != null) {
			this.refresh.dispose();
		}
	}

}
