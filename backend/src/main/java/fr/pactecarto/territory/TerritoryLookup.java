package fr.pactecarto.territory;

/**
 * A look-up of a territory by official code or alias ({@code code}, stripped) in a pacte, optionally of one kind;
 * with {@code outlineZoom}, its outline at that zoom is read in the same statement (null: none).
 */
public record TerritoryLookup(String pacte, String code, TerritoryKind kind, Integer outlineZoom) {

}
