package fr.pactecarto.pacte.edit;

import java.util.List;

import fr.pactecarto.api.PageInfo;

/** A page of the audit trail (Relay connection). */
public record ChangeConnection(List<Edge> edges, PageInfo pageInfo, int totalCount) {

	/** A change and its cursor (GraphQL type {@code ChangeEdge}). */
	public record Edge(String cursor, Change node) {
	}

}
