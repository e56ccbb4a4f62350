package fr.pactecarto.pacte.action;

/** A priority (« orientation ») of an axis, one heading of its slide (GraphQL type {@code Priority}). */
public record Priority(String pacte, String id, int axisNumber, int position, String title) {

	/** What identifies a priority: its id within its pacte. */
	record Key(String pacte, String id) {
	}

	Key key() {
		return new Key(this.pacte, this.id);
	}

	Axis.Key axisKey() {
		return new Axis.Key(this.pacte, this.axisNumber);
	}

}
