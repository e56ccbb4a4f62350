package fr.pactecarto.pacte.action;

/** A theme of a pacte that cuts across its axes (GraphQL type {@code Theme}). */
public record Theme(String pacte, String slug, String label, boolean headline, int actionCount) {

}
