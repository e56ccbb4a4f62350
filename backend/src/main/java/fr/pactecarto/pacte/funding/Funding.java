package fr.pactecarto.pacte.funding;

import java.util.List;

/** The contractualisation: its lines and their total (the document states none: the sum of the lines). */
public record Funding(List<FundingLine> lines, int total, String currency, String note) {

	static Funding of(List<FundingLine> lines, String currency, String note) {
		return new Funding(lines, lines.stream().mapToInt(FundingLine::amount).sum(), currency, note);
	}

}
