package fr.pactecarto.pacte.action;

import java.util.List;

import fr.pactecarto.territory.Territory;

/** A territory running actions that match the map's question, with those actions. */
public record TerritoryCoverage(Territory territory, int actionCount, List<Action> actions) {

}
