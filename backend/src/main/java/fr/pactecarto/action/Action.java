package fr.pactecarto.action;

import java.util.List;

/**
 * An action of the Pacte as written (GraphQL type {@code Action}); {@code position} is the document's reading
 * order, {@code citedAs} the territory codes exactly as cited.
 */
public record Action(String id, int position, int axisNumber, String priorityId, String parentId, String label,
		String category, String instrument, List<String> citedAs, String note) {

}
