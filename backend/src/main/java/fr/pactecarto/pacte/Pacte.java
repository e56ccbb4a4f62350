package fr.pactecarto.pacte;

/**
 * A pacte: a region's Pacte des solidarités for one year (GraphQL type {@code Pacte}), loaded from its document
 * file. {@code id} is {@code <region>-<year>} ({@code 93-2024}).
 */
public record Pacte(String id, String regionCode, int year, String title, SourceDocument source) {

}
