package fr.pactecarto.pacte.action;

/** One of the axes of a pacte (GraphQL type {@code Axis}). */
public record Axis(String pacte, int number, String shortName, String title, String note) {

	/** What identifies an axis: its number within its pacte. */
	public record Key(String pacte, int number) {
	}

	public Key key() {
		return new Key(this.pacte, this.number);
	}

}
