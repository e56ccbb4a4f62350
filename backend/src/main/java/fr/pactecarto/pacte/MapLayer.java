package fr.pactecarto.pacte;

import java.util.List;

import fr.pactecarto.territory.TerritoryKind;

/**
 * A layer of a pacte's map (GraphQL type {@code MapLayer}): every territory of {@code kind} in the pacte's region
 * and/or those {@code codes} names, drawn above the layers of lower {@code position}.
 */
record MapLayer(String pacte, String key, int position, String label, String itemLabel, TerritoryKind kind,
		List<String> codes) {

}
