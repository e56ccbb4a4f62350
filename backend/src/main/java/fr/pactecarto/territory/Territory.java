package fr.pactecarto.territory;

import java.util.List;

/**
 * A territory as the API shows it (GraphQL type {@code Territory}), read for one pacte ({@code pacte}, its id):
 * the aliases are that pacte's, and its actions, themes and funding lines are looked up in that pacte. The
 * geometry is fetched separately, only when asked for, at the zoom asked for.
 */
public record Territory(String pacte, TerritoryKind kind, String code, String name, String epciNature, List<String> aliases,
		TerritoryKind parentKind, String parentCode, Integer population, List<Double> bbox, Point labelPoint) {

	public TerritoryKey key() {
		return new TerritoryKey(this.kind, this.code);
	}

	public TerritoryKey parentKey() {
		return (this.parentKind != null) ? new TerritoryKey(this.parentKind, this.parentCode) : null;
	}

}
