package fr.pactecarto.pacte;

import org.junit.jupiter.api.Test;

import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The national measures slide, the Pactes locaux framework and the source, as the API answers them. */
@PacteIntegrationTest
class PacteGraphQlTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theNationalMeasuresSlideKeepsItsFourPactesAndFlagsItsLostLayout() {
		this.graphQl.document("""
				{ nationalMeasures { announcedCount note pacts { title axis { number } reforms measures { name } } } }""")
			.execute()
			.path("nationalMeasures.announcedCount").entity(Integer.class).isEqualTo(25)
			.path("nationalMeasures.note").entity(String.class).satisfies(note -> assertThat(note).contains("layout"))
			.path("nationalMeasures.pacts[*].axis.number").entityList(Integer.class).containsExactly(1, 2, 3, 4)
			.path("nationalMeasures.pacts[*].reforms[*]").entityList(String.class)
			.containsExactly("Service Public Petite Enfance", "France travail Loi plein emploi", "Solidarité à la source",
					"Transition écologique")
			.path("nationalMeasures.pacts[*].measures[*].name").entityList(String.class).hasSize(14)
			.contains("Crèches AVIP", "TZNR", "Chèque énergie");
	}

	@Test
	void thePactesLocauxFrameworkHasItsFourSections() {
		this.graphQl.document("""
				{ localPactFramework { reference regionalCredits sections { key items } }
				  source { title body date } }""")
			.execute()
			.path("localPactFramework.reference").entity(String.class).isEqualTo("Instruction ministérielle du 12 juin 2024")
			.path("localPactFramework.regionalCredits").entity(Integer.class).isEqualTo(1_290_000)
			.path("localPactFramework.sections[*].key").entityList(String.class)
			.containsExactly("ENJEUX", "FORMAT", "CALENDRIER", "EVALUATION")
			.path("localPactFramework.sections[0].items").entityList(String.class).hasSize(2)
			.path("source.body").entity(String.class).isEqualTo("CAR Pauvreté")
			.path("source.date").entity(String.class).isEqualTo("2024-07-24");
	}

}
