package fr.pactecarto.pacte.action;

import java.util.List;

import fr.pactecarto.api.PageInfo;

/** A page of actions (Relay connection). */
public record ActionConnection(List<Edge> edges, PageInfo pageInfo, int totalCount) {

	/** An action and its cursor (GraphQL type {@code ActionEdge}). */
	public record Edge(String cursor, Action node) {

	}

}
