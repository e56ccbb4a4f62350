package fr.pactecarto.funding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.pactecarto.support.ImportPacaTerritories;
import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The contractualisation slide, as the API answers it. */
@PacteIntegrationTest
@ExtendWith(ImportPacaTerritories.class)
class FundingGraphQlTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theFiveLinesAddUpToTheTotal() {
		this.graphQl.document("""
				{ funding { total currency lines { id instrument partnerKind contractCount amount partners { code } } } }""")
			.execute()
			.path("funding.total").entity(Integer.class).isEqualTo(4_291_000 + 2_000_000 + 11_105_834 + 21_938_714 + 1_290_000)
			.path("funding.currency").entity(String.class).isEqualTo("EUR")
			.path("funding.lines[*].id").entityList(String.class)
			.containsExactly("cls-metropoles", "cls-ville-marseille", "cls-departements", "cei-departements", "pactes-locaux")
			.path("funding.lines[*].amount").entityList(Integer.class)
			.containsExactly(4_291_000, 2_000_000, 11_105_834, 21_938_714, 1_290_000)
			.path("funding.lines[*].partnerKind").entityList(String.class)
			.containsExactly("METROPOLIS", "CITY", "DEPARTMENT", "DEPARTMENT", "LOCAL_PARTNERS")
			.path("funding.lines[4].contractCount").valueIsNull()
			.path("funding.lines[0].partners[*].code").entityList(String.class)
			.containsExactly("200054807", "200030195", "248300543")
			.path("funding.lines[3].partners[*].code").entityList(String.class)
			.containsExactly("04", "05", "06", "13", "83", "84");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "13; cls-departements,cei-departements", "VdM; cls-ville-marseille",
			"TPM; cls-metropoles" })
	void eachPartnerSeesItsLines(String code, String lines) {
		this.graphQl.document("query($code: ID!) { territory(code: $code) { fundingLines { id } } }")
			.variable("code", code).execute()
			.path("territory.fundingLines[*].id").entityList(String.class).containsExactly(lines.split(","));
	}

}
