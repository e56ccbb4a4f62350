package fr.pactecarto.pacte.document;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema and the exports over HTTP. */
@PacteIntegrationTest
class PacteDocumentHttpTests {

	@Autowired
	WebTestClient client;

	@Test
	void theSchemaIsServedAsJsonSchema() throws Exception {
		String schema = Files.readString(Path.of("../schema/pacte-document.schema.json"));
		this.client.get()
			.uri("/pactes/schema.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/schema+json")
			.expectBody(String.class)
			.isEqualTo(schema);
	}

	@Test
	void theStoredPacteIsServedAsYamlAndJson() throws Exception {
		String reference = PacteDocumentReaderTests.withoutLeadingComments(Files.readString(PacteImportTests.REFERENCE));
		this.client.get()
			.uri("/pactes/93-2024.yaml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/yaml;charset=UTF-8")
			.expectHeader()
			.valueEquals("Content-Disposition", "inline; filename=\"pacte-93-2024.yaml\"")
			.expectBody(String.class)
			.isEqualTo(reference);
		String json = this.client.get()
			.uri("/pactes/93-2024.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(json).startsWith("{\n  \"format\": \"pacte-carto/1\",\n  \"region\": \"93\",\n  \"year\": 2024,");
	}

	@Test
	void anUnknownPacteIsNotFoundWithAMessage() {
		for (String uri : new String[] { "/pactes/11-2024.yaml", "/pactes/11-2024.json", "/pactes/paca.yaml" }) {
			String body = this.client.get()
				.uri(uri)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.NOT_FOUND)
				.expectHeader()
				.contentType("text/plain;charset=UTF-8")
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(body).startsWith("No pacte '").endsWith("': a pacte id is <region>-<year>, e.g. 93-2024\n");
		}
	}

}
