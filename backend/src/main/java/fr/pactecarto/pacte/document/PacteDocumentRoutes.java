package fr.pactecarto.pacte.document;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The pacte documents over HTTP: {@code GET /pactes/schema.json} (the JSON Schema of the format),
 * {@code GET /pactes/{id}.yaml} and {@code .json} (the stored pacte exported), 404 with a message otherwise.
 */
@Configuration(proxyBeanMethods = false)
class PacteDocumentRoutes {

	static final MediaType SCHEMA = MediaType.parseMediaType("application/schema+json");

	static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);

	private static final Pattern PACTE_ID = Pattern.compile("\\d{2}-\\d{4}");

	@Bean
	RouterFunction<ServerResponse> pacteDocumentRouter(PacteExporter exporter,
			@Value("classpath:schema/pacte-document.schema.json") Resource schema) {
		return route(GET("/pactes/schema.json"), request -> ServerResponse.ok().contentType(SCHEMA).bodyValue(schema))
			.andRoute(GET("/pactes/{id}.yaml"), request -> export(request, YAML, exporter::exportYaml))
			.andRoute(GET("/pactes/{id}.json"), request -> export(request, MediaType.APPLICATION_JSON, exporter::exportJson));
	}

	private interface Export {

		String of(String pacteId);

	}

	private static Mono<ServerResponse> export(ServerRequest request, MediaType type, Export export) {
		String id = request.pathVariable("id");
		if (!PACTE_ID.matcher(id).matches()) {
			return notFound(new PacteExporter.UnknownPacteException(id).getMessage());
		}
		String extension = MediaType.APPLICATION_JSON.equals(type) ? "json" : "yaml";
		// The export reads over JDBC: off the event loop.
		return Mono.fromCallable(() -> export.of(id))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(body -> ServerResponse.ok()
				.contentType(type)
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"pacte-" + id + "." + extension + "\"")
				.bodyValue(body))
			.onErrorResume(PacteExporter.UnknownPacteException.class, ex -> notFound(ex.getMessage()));
	}

	private static Mono<ServerResponse> notFound(String message) {
		return ServerResponse.status(HttpStatus.NOT_FOUND)
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.bodyValue(message + "\n");
	}

}
