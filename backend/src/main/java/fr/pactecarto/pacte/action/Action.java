package fr.pactecarto.pacte.action;

import java.util.List;

import fr.pactecarto.territory.TerritoryKey;

/**
 * An action of a pacte as written (GraphQL type {@code Action}); {@code position} is the document's reading
 * order, {@code citedAs} the territory codes exactly as cited and {@code territories} the imported territories
 * they name, distinct, in the order first cited (resolved by the database when the action is read).
 */
public record Action(String pacte, String id, int position, int axisNumber, String priorityId, String parentId,
		String label, String category, String instrument, List<String> citedAs, List<TerritoryKey> territories,
		String note) {

	/** What identifies an action: its id within its pacte. */
	record Key(String pacte, String id) {
	}

	Key key() {
		return new Key(this.pacte, this.id);
	}

	Key parentKey() {
		return (this.parentId != null) ? new Key(this.pacte, this.parentId) : null;
	}

	Priority.Key priorityKey() {
		return new Priority.Key(this.pacte, this.priorityId);
	}

	Axis.Key axisKey() {
		return new Axis.Key(this.pacte, this.axisNumber);
	}

}
