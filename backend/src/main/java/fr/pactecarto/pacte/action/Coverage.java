package fr.pactecarto.pacte.action;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import fr.pactecarto.territory.TerritoryKey;
import fr.pactecarto.territory.TerritoryRepository;

import org.springframework.stereotype.Component;

/**
 * The map's question « qui agit sur … ? » in a pacte: every territory running at least one action matching the
 * theme and/or axis, highest count first, then by code. For the {@code coverage} fields and the
 * {@code coverageChanged} subscription.
 */
@Component
public class Coverage {

	private final ActionRepository actions;

	private final TerritoryRepository territories;

	private final Questions questions;

	Coverage(ActionRepository actions, TerritoryRepository territories, Questions questions) {
		this.actions = actions;
		this.territories = territories;
		this.questions = questions;
	}

	/** The coverage of the question; {@code UNKNOWN_THEME} / {@code UNKNOWN_AXIS} naming the arguments given. */
	public Mono<List<TerritoryCoverage>> of(String pacte, String theme, Integer axis, String themeArgument,
			String axisArgument) {
		return matching(pacte, axis, (theme != null) ? List.of(theme) : null, axisArgument, themeArgument).flatMap(found -> {
			Map<TerritoryKey, List<Action>> byTerritory = new LinkedHashMap<>();
			for (Action action : found) {
				action.territories().forEach(key -> byTerritory.computeIfAbsent(key, k -> new ArrayList<>()).add(action));
			}
			return this.territories.findByKeys(pacte, byTerritory.keySet())
				.map(territory -> new TerritoryCoverage(territory, byTerritory.get(territory.key()).size(),
						byTerritory.get(territory.key())))
				.sort(Comparator.comparingInt(TerritoryCoverage::actionCount).reversed()
					.thenComparing(coverage -> coverage.territory().code()))
				.collectList();
		});
	}

	/**
	 * The actions matching the question. An empty answer may come from an unknown axis or theme: only then is
	 * the question checked (a matching action proves both exist).
	 */
	Mono<List<Action>> matching(String pacte, Integer axis, List<String> themes, String axisArgument,
			String themeArgument) {
		return this.actions.findMatching(pacte, axis, themes)
			.collectList()
			.flatMap(found -> found.isEmpty()
					? this.questions.check(pacte, axis, axisArgument, themes, themeArgument).thenReturn(found)
					: Mono.just(found));
	}

}
