package fr.pactecarto.pacte.funding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static fr.pactecarto.support.TestData.FIXTURE;

/** The contractualisation of a pacte, on the fixture pacte: its lines, their partners, each partner's lines. */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class FundingGraphQlTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theLinesAddUpToTheTotalAndNameTheirPartners() {
		this.graphQl.document("""
				query($p: ID) { funding(pacte: $p) { total currency note
				  lines { id instrument partnerKind contractCount amount partners { code aliases } } } }""")
			.variable("p", FIXTURE).execute()
			.path("funding.total").entity(Integer.class).isEqualTo(200_000 + 50_000)
			.path("funding.currency").entity(String.class).isEqualTo("EUR")
			.path("funding.lines[*].id").entityList(String.class).containsExactly("cls-departements", "pactes-locaux")
			.path("funding.lines[1].contractCount").valueIsNull()
			.path("funding.lines[0].partners[*].code").entityList(String.class).containsExactly("2A", "2B")
			.path("funding.lines[0].partners[1].aliases").entityList(String.class).containsExactly("HC")
			.path("funding.lines[1].partners").entityList(Object.class).hasSize(0);
	}

	@Test
	void eachPartnerSeesItsLinesInItsPacteOnly() {
		this.graphQl.document("""
				query($p: ID) { hauteCorse: territory(code: "2B", pacte: $p) { fundingLines { id amount } }
				  var: territory(code: "83", pacte: $p) { fundingLines { id } }
				  varInPaca: territory(code: "83") { fundingLines { id } } }""")
			.variable("p", FIXTURE).execute()
			.path("hauteCorse.fundingLines[*].id").entityList(String.class).containsExactly("cls-departements")
			.path("hauteCorse.fundingLines[0].amount").entity(Integer.class).isEqualTo(200_000)
			.path("var.fundingLines").entityList(Object.class).hasSize(0)
			.path("varInPaca.fundingLines[*].id").entityList(String.class).containsExactly("cls-departements", "cei-departements");
	}

}
