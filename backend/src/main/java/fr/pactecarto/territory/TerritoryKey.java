package fr.pactecarto.territory;

/** What identifies a territory: a code alone is ambiguous (region 84 and department 84). */
public record TerritoryKey(TerritoryKind kind, String code) {

}
