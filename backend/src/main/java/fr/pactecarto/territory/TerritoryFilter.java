package fr.pactecarto.territory;

import java.util.List;

/** GraphQL input {@code TerritoryFilter}: every given criterion must hold. */
record TerritoryFilter(List<TerritoryKind> kinds, List<String> codes, String parent, List<Double> bbox) {

}
