package fr.pactecarto.pacte.funding;

import java.util.List;

import fr.pactecarto.territory.TerritoryKey;

/**
 * One funding instrument line of a pacte's contractualisation; {@code partnerCodes} as the document cites them,
 * {@code partners} the imported territories they name (resolved when the line is read).
 */
public record FundingLine(String pacte, String id, String instrument, String label, String partnerKind,
		Integer contractCount, int amount, List<String> partnerCodes, List<TerritoryKey> partners, String note) {

}
