package fr.pactecarto.api;

/** Position of a page in a paginated list (GraphQL type {@code PageInfo}, Relay). */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {

}
