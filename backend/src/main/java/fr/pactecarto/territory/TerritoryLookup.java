package fr.pactecarto.territory;

/**
 * A look-up of a territory by official code or alias ({@code code}, stripped) in a pacte, optionally of one kind;
 * with {@code outlineZoom}, its outline at that zoom is looked up with it, one look-up for all those of a zoom (null: none).
 */
public record TerritoryLookup(String pacte, String code, TerritoryKind kind, Integer outlineZoom) {

}
