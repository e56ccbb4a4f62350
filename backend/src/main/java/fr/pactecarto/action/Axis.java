package fr.pactecarto.action;

/** One of the four axes of the Pacte (GraphQL type {@code Axis}). */
public record Axis(int number, String shortName, String title, String note) {

}
