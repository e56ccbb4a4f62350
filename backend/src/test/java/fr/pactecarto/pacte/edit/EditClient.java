package fr.pactecarto.pacte.edit;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** GraphQL over HTTP as a partner app does it (bearer token, or none), answers as plain JSON maps. */
@SuppressWarnings("unchecked")
final class EditClient {

	private final WebTestClient client;

	EditClient(WebTestClient client) {
		this.client = client;
	}

	Map<String, Object> send(String token, String document, Map<String, Object> variables) {
		return this.client.post()
			.uri("/graphql")
			.headers(headers -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** The data at this path of a successful answer (no errors). */
	static <T> T data(Map<String, Object> answer, String... path) {
		assertThat(answer.get("errors")).as("errors of %s", answer).isNull();
		Object value = answer.get("data");
		for (String key : path) {
			value = ((Map<String, Object>) value).get(key);
		}
		return (T) value;
	}

	static List<Map<String, Object>> errors(Map<String, Object> answer) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
		assertThat(errors).as("errors of %s", answer).isNotNull().isNotEmpty();
		return errors;
	}

	/** Each error as {@code CODE argument}. */
	static List<String> codes(Map<String, Object> answer) {
		return errors(answer).stream().map(error -> {
			Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
			return extensions.get("code") + " " + extensions.get("argument");
		}).toList();
	}

}
