package fr.pactecarto.territory;

/** Kind of territory; the names are those of the GraphQL enum and of the {@code territory.kind} column. */
public enum TerritoryKind {

	REGION, DEPARTMENT, EPCI, COMMUNE

}
