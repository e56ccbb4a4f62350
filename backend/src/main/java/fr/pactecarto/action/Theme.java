package fr.pactecarto.action;

/** A theme that cuts across axes (GraphQL type {@code Theme}). */
public record Theme(String slug, String label, boolean headline, int actionCount) {

}
