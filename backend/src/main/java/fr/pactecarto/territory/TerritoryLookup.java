package fr.pactecarto.territory;

/** A look-up of a territory by official code or alias ({@code code}, stripped) in a pacte, optionally of one kind. */
public record TerritoryLookup(String pacte, String code, TerritoryKind kind) {

}
