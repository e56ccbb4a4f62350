package fr.pactecarto.funding;

import java.util.List;

/** One funding instrument line of the contractualisation; {@code partnerCodes} as the Pacte cites them. */
public record FundingLine(String id, String instrument, String label, String partnerKind, Integer contractCount,
		int amount, List<String> partnerCodes, String note) {

}
